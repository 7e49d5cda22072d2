using Kasify.Api.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace Kasify.Api.Tests.Auth;

public sealed class JwtSettingsCheckTests
{
    private const string Bearer = "Authentication:Schemes:Bearer:";

    [Fact]
    public void ProductionWithoutAuthorityOrAudienceIsRefusedNamingBothSettings()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => JwtSettingsCheck.EnsureUsable(Settings([]), Environment("Production")));

        Assert.Contains(Bearer + "ValidAudiences", exception.Message, StringComparison.Ordinal);
        Assert.Contains(Bearer + "Authority", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorityWithoutAudienceIsRefused()
    {
        var problems = JwtSettingsCheck.Problems(Settings(new() { [Bearer + "Authority"] = "https://kasify.kinde.com" }));

        Assert.Contains(problems, problem => problem.Contains("ValidAudiences", StringComparison.Ordinal));
    }

    [Fact]
    public void AudienceWithoutAuthorityOrKeysIsRefused()
    {
        var problems = JwtSettingsCheck.Problems(Settings(new() { [Bearer + "ValidAudiences:0"] = "https://api.kasify.app" }));

        Assert.Contains(problems, problem => problem.Contains("Authority", StringComparison.Ordinal));
    }

    [Fact]
    public void SigningKeysWithoutAnIssuerAreRefused()
    {
        var problems = JwtSettingsCheck.Problems(Settings(new()
        {
            [Bearer + "ValidAudiences:0"] = "https://api.kasify.app",
            [Bearer + "SigningKeys:0:Value"] = "c2VjcmV0",
        }));

        Assert.Contains(problems, problem => problem.Contains("Authority", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AuthorityOrIssuerWithKeysPlusAnAudienceIsUsable(bool withAuthority)
    {
        var settings = new Dictionary<string, string?> { [Bearer + "ValidAudiences:0"] = "https://api.kasify.app" };
        if (withAuthority)
        {
            settings[Bearer + "Authority"] = "https://kasify.kinde.com";
        }
        else
        {
            settings[Bearer + "ValidIssuer"] = "https://issuer.kasify.test";
            settings[Bearer + "SigningKeys:0:Value"] = "c2VjcmV0";
        }

        Assert.Empty(JwtSettingsCheck.Problems(Settings(settings)));
        JwtSettingsCheck.EnsureUsable(Settings(settings), Environment("Production"));
    }

    [Fact]
    public void DevelopmentStartsWithoutSettings() => JwtSettingsCheck.EnsureUsable(Settings([]), Environment("Development"));

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
