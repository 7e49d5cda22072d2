extern alias silo;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Claims;
using Kasify.Fakes.Nuki;
using Kasify.Fakes.Ses;
using Kasify.Fakes.UniFi;
using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.SesReporting;
using Kasify.Grains.SmartLocks;
using Kasify.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using KasifySiloOptions = silo::Kasify.Silo.Hosting.KasifySiloOptions;

namespace Kasify.Api.Tests.Infrastructure;

/// <summary>
/// Hosts the real API (<see cref="Program"/>) in memory with its Orleans client switched off; the client of an
/// in-process test cluster stands in for it. Authentication is the production JwtBearer handler, configured with
/// <see cref="TestJwt"/>'s issuer, audience and key.
/// </summary>
/// <remarks>
/// Used as an xunit fixture it owns a one-silo cluster whose vendor clients talk to an in-process Nuki fake
/// (<see cref="Nuki"/>), UniFi Access console fake (<see cref="UniFi"/>) and SES.HOSPEDAJES fake (<see cref="Ses"/>). <see cref="WithSettings"/> gives a host with other settings on
/// the same cluster; <see cref="WithUnreachableCluster"/> a host whose real Orleans client points at no silo.
/// </remarks>
public sealed class KasifyApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Requests per minute one personal access token may make in these hosts (low, so the limit is reachable).</summary>
    public const int PersonalAccessTokenLimit = 5;

    /// <summary>An OIDC subject that <c>Kasify:Auth:Admins</c> lists.</summary>
    public const string ListedAdminSubject = "test|listed-admin";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsCluster;
    private readonly string _environment;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kasify-api-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Func<KasifyApiFactory, string, KasifySiloOptions>? _storage;
    private readonly Action<ISiloBuilder>? _configureSilo;
    private InProcessTestCluster? _cluster;
    private NukiFakeServer? _nuki;
    private UniFiFakeServer? _uniFi;
    private SesFakeServer? _ses;

    public KasifyApiFactory()
        : this(DefaultSettings(), cluster: null, ownsCluster: true)
    {
    }

    private KasifyApiFactory(Func<KasifyApiFactory, string, KasifySiloOptions> storage, Action<ISiloBuilder>? configureSilo)
        : this(DefaultSettings(), cluster: null, ownsCluster: true)
    {
        _storage = storage;
        _configureSilo = configureSilo;
    }

    private KasifyApiFactory(Dictionary<string, string?> settings, InProcessTestCluster? cluster, bool ownsCluster, string environment = "Testing")
    {
        _settings = settings;
        _environment = environment;
        _cluster = cluster;
        _ownsCluster = ownsCluster;
    }

    /// <summary>The test cluster's client, for arranging grain state directly.</summary>
    public IClusterClient Grains => (_cluster ?? throw new InvalidOperationException("This host has no test cluster.")).Client;

    /// <summary>The test silo's services, for writing grain state before a grain activates.</summary>
    public IServiceProvider SiloServices => (_cluster ?? throw new InvalidOperationException("This host has no test cluster.")).Silos[0].ServiceProvider;

    /// <summary>The calls the test silo's grains received (<see cref="GrainCallProbe"/>).</summary>
    public GrainCallProbe GrainCalls => SiloServices.GetRequiredService<GrainCallProbe>();

    /// <summary>The Nuki Web API fake the silo's Nuki client calls: seed accounts and locks, inspect codes, flip switches.</summary>
    public NukiFakeServer Nuki => _nuki ?? throw new InvalidOperationException("This host has no vendor fakes.");

    /// <summary>
    /// The UniFi Access console fake (HTTPS, self-signed certificate; pin <see cref="UniFiFakeServer.CertificateFingerprint"/>),
    /// seeded with <see cref="UniFiFakeSeed"/>'s token, floors and doors.
    /// </summary>
    public UniFiFakeServer UniFi => _uniFi ?? throw new InvalidOperationException("This host has no vendor fakes.");

    /// <summary>The SES.HOSPEDAJES fake every SES integration calls, whatever its environment; its demo credentials are <see cref="SesFakeOptions"/>' defaults.</summary>
    public SesFakeServer Ses => _ses ?? throw new InvalidOperationException("This host has no vendor fakes.");

    /// <summary>
    /// A host whose own cluster runs on existing data: once the vendor fakes run, <paramref name="storage"/> gets the new
    /// factory (to seed them) and its temp folder, and returns the silo's storage, encryption and folders; the fakes'
    /// addresses and timings are then set as for the default host. <paramref name="configureSilo"/> adds silo services.
    /// Initialize and dispose it.
    /// </summary>
    public static KasifyApiFactory OnStorage(Func<KasifyApiFactory, string, KasifySiloOptions> storage, Action<ISiloBuilder>? configureSilo = null) =>
        new(storage, configureSilo);

    /// <summary>A host with these settings added (e.g. lower rate limits), sharing this factory's cluster. Dispose it.</summary>
    public KasifyApiFactory WithSettings(IReadOnlyDictionary<string, string?> settings) =>
        new(Merge(_settings, settings), _cluster, ownsCluster: false);

    /// <summary>A host in <paramref name="environment"/> with these settings added, sharing this factory's cluster. Dispose it.</summary>
    public KasifyApiFactory WithEnvironment(string environment, IReadOnlyDictionary<string, string?> settings) =>
        new(Merge(_settings, settings), _cluster, ownsCluster: false, environment);

    /// <summary>
    /// A Development host as <c>./run.sh</c> starts it: authentication settings come from appsettings.Development.json
    /// and the user secrets <c>dotnet user-jwts</c> writes, not from <see cref="TestJwt"/>. Shares this factory's cluster. Dispose it.
    /// </summary>
    public KasifyApiFactory AsDevelopment() =>
        new(new Dictionary<string, string?> { ["Kasify:Orleans:Enabled"] = "false" }, _cluster, ownsCluster: false, environment: "Development");

    /// <summary>A host whose own Orleans client is on, pointed at a gateway port nobody listens on. Dispose it.</summary>
    public static KasifyApiFactory WithUnreachableCluster() =>
        new(
            Merge(DefaultSettings(), new Dictionary<string, string?>
            {
                ["Kasify:Orleans:Enabled"] = "true",
                ["Kasify:Storage:Mode"] = "Sqlite",
                ["Kasify:Cluster:GatewayPort"] = UnusedPort().ToString(CultureInfo.InvariantCulture),
            }),
            cluster: null,
            ownsCluster: false);

    public async Task InitializeAsync()
    {
        if (!_ownsCluster)
        {
            return;
        }

        _nuki = new NukiFakeServer(new NukiFakeOptions { ApplyDelayMs = 100 });
        var nukiUrl = await _nuki.StartAsync();
        _uniFi = await UniFiFakeServer.StartAsync();
        _ses = new SesFakeServer();
        await _ses.StartAsync();

        // The production silo configuration: ADO.NET storage and reminders on a SQLite file, cover images on disk; vendor
        // calls go to the fakes, with timings short enough that read-backs, retries and a dead vendor show within seconds.
        // The fakes listen on loopback, which SqliteOptions' outbound policy allows (only there); other ranges stay refused.
        var options = _storage?.Invoke(this, _folder) ?? KasifyTestSilos.SqliteOptions(_folder);
        options.Nuki = new NukiOptions
        {
            BaseUrl = nukiUrl,
            AttemptTimeout = TimeSpan.FromSeconds(2),
            TotalTimeout = TimeSpan.FromSeconds(5),
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        };
        options.Ses = new SesOptions
        {
            EndpointUrl = _ses.ServiceUrl,
            AttemptTimeout = TimeSpan.FromSeconds(2),
            TotalTimeout = TimeSpan.FromSeconds(5),
        };
        options.Locks = new SmartLockOptions
        {
            ReadBackDelay = TimeSpan.FromMilliseconds(200),
            RetryBaseDelay = TimeSpan.FromMilliseconds(500),
            RetryMaxDelay = TimeSpan.FromSeconds(2),
            InlineVendorTimeout = TimeSpan.FromSeconds(3),
            CreateConfirmGrace = TimeSpan.FromSeconds(5),
        };
        options.SesReporting = new SesReportingOptions
        {
            ReminderPeriod = TimeSpan.FromSeconds(1),
            PollBaseDelay = TimeSpan.FromMilliseconds(200),
            PollMaxDelay = TimeSpan.FromSeconds(1),
            RetryBaseDelay = TimeSpan.FromMilliseconds(300),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
        };
        var builder = KasifyTestSilos.CreateInProcessClusterBuilder(options);
        builder.ConfigureSilo((_, silo) => GrainCallProbe.AddTo(silo));
        if (_configureSilo is { } configureSilo)
        {
            builder.ConfigureSilo((_, silo) => configureSilo(silo));
        }

        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>A client that sends <c>Authorization: Bearer {token}</c>.</summary>
    public HttpClient CreateBearerClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client authenticated with a valid test JWT for <paramref name="subject"/> (a fresh one by default).</summary>
    public HttpClient CreateAuthenticatedClient(string? subject = null, IEnumerable<Claim>? claims = null) =>
        CreateBearerClient(TestJwt.Create(subject ?? TestJwt.NewSubject(), claims));

    /// <summary>Registers a new user through the subject index and creates a personal access token for it, all in the grains.</summary>
    public async Task<CreatedPersonalAccessToken> CreatePersonalAccessTokenAsync()
    {
        var subject = TestJwt.NewSubject();
        var registration = await Grains.GetGrain<ISubjectIndexGrain>(SubjectKeys.For(TestJwt.Issuer, subject))
            .RegisterAsync(new RegisterUser(TestJwt.Issuer, subject, $"{Guid.NewGuid():N}@example.org", "Test", "User", "en"));
        var token = await Grains.GetGrain<IUserGrain>(registration.User.Id)
            .CreateAccessTokenAsync(new CreateAccessToken("api tests", ExpiresAt: null));
        return new CreatedPersonalAccessToken(registration.User.Id, token.Id, token.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestPeerAddress>();
            services.AddSingleton<IStartupFilter, TestEndpoints>();
            if (_cluster is { } cluster)
            {
                services.AddSingleton<IClusterClient>(cluster.Client);
                services.AddSingleton<IGrainFactory>(cluster.Client);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsCluster && _cluster is { } cluster)
        {
            _cluster = null;
            await cluster.DisposeAsync();
        }

        if (_ownsCluster && _nuki is { } nuki)
        {
            _nuki = null;
            await nuki.DisposeAsync();
        }

        if (_ownsCluster && _uniFi is { } uniFi)
        {
            _uniFi = null;
            await uniFi.DisposeAsync();
        }

        if (_ownsCluster && _ses is { } ses)
        {
            _ses = null;
            await ses.DisposeAsync();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Kasify:Orleans:Enabled"] = "false",
        ["Authentication:Schemes:Bearer:ValidIssuer"] = TestJwt.Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = TestJwt.Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = TestJwt.Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(TestJwt.SigningKey),
        ["Kasify:Auth:Admins:0"] = ListedAdminSubject,
        ["Kasify:RateLimits:PersonalAccessTokenPerMinute"] = PersonalAccessTokenLimit.ToString(CultureInfo.InvariantCulture),
        // Tests of one host share one client IP; only the tests about these limits lower them.
        ["Kasify:RateLimits:OpenApiPerMinute"] = "1000",
        ["Kasify:RateLimits:DocsPerMinute"] = "1000",
        ["Kasify:RateLimits:AnonymousPerMinute"] = "1000",
        ["Kasify:RateLimits:PublicPerIpPerMinute"] = "1000",
        ["Kasify:RateLimits:UserPerMinute"] = "1000",
    };

    private static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string?> overrides)
    {
        var merged = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in overrides)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
