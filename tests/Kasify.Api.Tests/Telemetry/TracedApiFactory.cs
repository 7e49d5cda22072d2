using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Fakes.Nuki;
using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.SmartLocks;
using Kasify.Hosting.Telemetry;
using Kasify.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orleans.TestingHost;

namespace Kasify.Api.Tests.Telemetry;

/// <summary>
/// The real API (<see cref="Program"/>) on a one-silo in-process cluster whose Nuki client calls an in-process Nuki
/// fake, like <see cref="KasifyApiFactory"/>, but with the cluster client propagating trace context as the API's own
/// Orleans client does, and every finished span kept in <see cref="Spans"/>.
/// </summary>
/// <remarks>
/// Activity listeners are process-wide: the API host's tracer provider also receives the silo's spans (grain calls,
/// vendor HTTP calls), and those of other tests running at the same time, so tests select spans by trace id.
/// </remarks>
public sealed class TracedApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kasify-trace-tests-" + Guid.NewGuid().ToString("N"));
    private InProcessTestCluster? _cluster;

    /// <summary>The Nuki Web API fake the silo calls.</summary>
    public NukiFakeServer Nuki { get; } = new(new NukiFakeOptions { ApplyDelayMs = 100 });

    /// <summary>Every span the API host's tracer provider exported, in the order they ended.</summary>
    public LockedCollection<Activity> Spans { get; } = [];

    public async Task InitializeAsync()
    {
        var nukiUrl = await Nuki.StartAsync();
        var options = KasifyTestSilos.SqliteOptions(_folder);
        options.Nuki = new NukiOptions
        {
            BaseUrl = nukiUrl,
            AttemptTimeout = TimeSpan.FromSeconds(2),
            TotalTimeout = TimeSpan.FromSeconds(5),
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        };
        options.Locks = new SmartLockOptions
        {
            ReadBackDelay = TimeSpan.FromMilliseconds(200),
            RetryBaseDelay = TimeSpan.FromMilliseconds(500),
            RetryMaxDelay = TimeSpan.FromSeconds(2),
            InlineVendorTimeout = TimeSpan.FromSeconds(3),
            CreateConfirmGrace = TimeSpan.FromSeconds(5),
        };
        var builder = KasifyTestSilos.CreateInProcessClusterBuilder(options);
        builder.ConfigureClient(client => client.AddActivityPropagation());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>A client authenticated with a valid test JWT for a fresh subject.</summary>
    public HttpClient CreateAuthenticatedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestJwt.Create(TestJwt.NewSubject()));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Kasify:Orleans:Enabled", "false");
        builder.UseSetting(KasifyTelemetryExtensions.EnabledSetting, "true");
        builder.UseSetting("Authentication:Schemes:Bearer:ValidIssuer", TestJwt.Issuer);
        builder.UseSetting("Authentication:Schemes:Bearer:ValidAudiences:0", TestJwt.Audience);
        builder.UseSetting("Authentication:Schemes:Bearer:SigningKeys:0:Issuer", TestJwt.Issuer);
        builder.UseSetting("Authentication:Schemes:Bearer:SigningKeys:0:Value", Convert.ToBase64String(TestJwt.SigningKey));
        builder.UseSetting("Kasify:RateLimits:UserPerMinute", 1000.ToString(CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestPeerAddress>();
            var client = (_cluster ?? throw new InvalidOperationException("Initialize the factory first.")).Client;
            services.AddSingleton<IClusterClient>(client);
            services.AddSingleton<IGrainFactory>(client);
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_cluster is { } cluster)
        {
            _cluster = null;
            await cluster.DisposeAsync();
        }

        await Nuki.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
