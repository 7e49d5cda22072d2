using System.Security.Claims;
using Kasify.Api.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kasify.Api.Tests.Auth;

public sealed class ValidatedJwtCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ARememberedTokenGivesEachRequestItsOwnCopyOfThePrincipal()
    {
        using var settings = new JwtSettings();
        using var cache = new ValidatedJwtCache(settings.Monitor, new ManualTime(Start));
        cache.Remember("token-a", Principal("alice"), Start.AddHours(1));

        Assert.True(cache.TryGet("token-a", out var first));
        Assert.True(cache.TryGet("token-a", out var second));
        Assert.NotSame(first, second);
        Assert.Equal("alice", first.FindFirstValue("sub"));
        first.Identities.Single().AddClaim(new Claim("added", "by a handler"));
        Assert.Null(second.FindFirstValue("added"));
        Assert.False(cache.TryGet("token-b", out _));
    }

    [Fact]
    public void ATokenIsNotTrustedPastItsExpiry()
    {
        using var settings = new JwtSettings();
        var time = new ManualTime(Start);
        using var cache = new ValidatedJwtCache(settings.Monitor, time);
        cache.Remember("token-a", Principal("alice"), Start.AddMinutes(2));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(cache.TryGet("token-a", out _));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(cache.TryGet("token-a", out _));
    }

    [Fact]
    public void ALongLivedTokenIsCheckedAgainAfterTheMaximumTime()
    {
        using var settings = new JwtSettings();
        var time = new ManualTime(Start);
        using var cache = new ValidatedJwtCache(settings.Monitor, time);
        cache.Remember("token-a", Principal("alice"), Start.AddDays(30));

        time.Advance(ValidatedJwtCache.MaxKept - TimeSpan.FromSeconds(1));
        Assert.True(cache.TryGet("token-a", out _));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("token-a", out _));
    }

    [Fact]
    public void AnAlreadyExpiredTokenIsNotRemembered()
    {
        using var settings = new JwtSettings();
        using var cache = new ValidatedJwtCache(settings.Monitor, new ManualTime(Start));
        cache.Remember("token-a", Principal("alice"), Start.AddSeconds(-1));

        Assert.False(cache.TryGet("token-a", out _));
    }

    [Fact]
    public void ChangedJwtSettingsForgetEveryValidatedToken()
    {
        using var settings = new JwtSettings();
        using var cache = new ValidatedJwtCache(settings.Monitor, new ManualTime(Start));
        cache.Remember("token-a", Principal("alice"), Start.AddHours(1));

        settings.Change("Authentication:Schemes:Bearer:SigningKeys:0:Value", "a-new-key");

        Assert.False(cache.TryGet("token-a", out _));
    }

    private static ClaimsPrincipal Principal(string subject) =>
        new(new ClaimsIdentity([new Claim("sub", subject)], authenticationType: "Bearer"));

    // JWT bearer options bound to configuration that can change, as the API host binds them.
    private sealed class JwtSettings : IDisposable
    {
        private readonly ServiceProvider _services;
        private readonly IConfigurationRoot _configuration =
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Authentication:Schemes:Bearer:ValidIssuer"] = "issuer" }).Build();

        public JwtSettings()
        {
            var services = new ServiceCollection();
            services.AddOptions<JwtBearerOptions>(KasifyAuthSchemes.Jwt).Bind(_configuration.GetSection("Authentication:Schemes:Bearer"));
            services.AddSingleton<IOptionsChangeTokenSource<JwtBearerOptions>>(
                new ConfigurationChangeTokenSource<JwtBearerOptions>(KasifyAuthSchemes.Jwt, _configuration.GetSection("Authentication:Schemes:Bearer")));
            _services = services.BuildServiceProvider();
        }

        public IOptionsMonitor<JwtBearerOptions> Monitor => _services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>();

        public void Change(string key, string value)
        {
            _configuration[key] = value;
            _configuration.Reload();
        }

        public void Dispose() => _services.Dispose();
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
