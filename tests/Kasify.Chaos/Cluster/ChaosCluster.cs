using System.Globalization;
using System.Security.Cryptography;
using Kasify.Chaos.Options;
using Kasify.Testing;

namespace Kasify.Chaos.Cluster;

/// <summary>
/// A private PostgreSQL server, N silo processes and M API processes of the built programs, configured only through
/// environment variables as an operator would, with mutual TLS between them (the test certificates). Failure detection
/// is shortened so a killed silo is declared dead within seconds, and vendor retries are short so codes settle within
/// the run.
/// </summary>
internal sealed class ChaosCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(120);

    private readonly PostgresServer _postgres;
    private readonly List<ChaosHost> _silos = [];
    private readonly List<ChaosHost> _apis = [];

    private ChaosCluster(PostgresServer postgres, string connectionString)
    {
        _postgres = postgres;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public IReadOnlyList<ChaosHost> Silos => _silos;

    public IReadOnlyList<ChaosHost> Apis => _apis;

    public IReadOnlyList<Uri> ApiUrls { get; private set; } = [];

    /// <summary>
    /// Starts PostgreSQL, the first silo (which creates the schema), the other silos, then the API hosts, and returns
    /// once every API host answers <c>GET /health/ready</c>.
    /// </summary>
    public static async Task<ChaosCluster> StartAsync(ChaosOptions options, Uri nukiUrl, Uri sesUrl, ChaosJwt jwt, TextWriter log)
    {
        var postgres = await PostgresServer.StartPrivateAsync();
        var cluster = new ChaosCluster(postgres, await postgres.CreateDatabaseAsync());
        try
        {
            var shared = cluster.SharedEnvironment();
            var siloAssembly = KasifySiloProcess.FindSiloAssembly();
            for (var i = 0; i < options.Silos; i++)
            {
                var ports = FreePort.Next(2);
                var environment = new Dictionary<string, string>(shared)
                {
                    ["Kasify__Cluster__SiloPort"] = Text(ports[0]),
                    ["Kasify__Cluster__GatewayPort"] = Text(ports[1]),
                    ["Kasify__Cluster__Tls__CertificatePath"] = ClusterTestCertificates.Shared.SiloPfxPath,
                    ["Kasify__Cluster__Tls__Password"] = ClusterTestCertificates.PfxPassword,
                    ["Kasify__Cluster__Tls__CaCertificatePath"] = ClusterTestCertificates.Shared.CaCertificatePath,
                    ["Kasify__Nuki__BaseUrl"] = nukiUrl.ToString(),
                    ["Kasify__Ses__EndpointUrl"] = sesUrl.ToString(),

                    // The UniFi console is a user-chosen URL; the run's fake listens on loopback.
                    ["Kasify__Outbound__AllowLoopback"] = "true",
                    ["Kasify__Email__PickupDirectory"] = Path.Combine(Path.GetTempPath(), $"kasify-chaos-mail-{Environment.ProcessId}"),
                };
                foreach (var (name, value) in SiloTimings)
                {
                    environment[name] = value;
                }

                var silo = new ChaosHost($"silo{i + 1}", siloAssembly, [], environment);
                cluster._silos.Add(silo);
                silo.Start();

                // The first silo creates the schema; the others start once it is there, so they never race to create it.
                if (i == 0)
                {
                    await silo.Current.WaitForOutputAsync("Kasify silo started", StartWait);
                }
            }

            foreach (var silo in cluster._silos.Skip(1))
            {
                await silo.Current.WaitForOutputAsync("Kasify silo started", StartWait);
            }

            log.WriteLine($"cluster: {options.Silos} silos started");
            var apiAssembly = KasifySiloProcess.FindHostAssembly("Kasify.Api");
            var urls = new List<Uri>();
            foreach (var (port, i) in FreePort.Next(options.ApiHosts).Select((port, i) => (port, i)))
            {
                var url = new Uri($"http://127.0.0.1:{Text(port)}");
                urls.Add(url);
                var environment = new Dictionary<string, string>(shared)
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Kasify__Cluster__Tls__CertificatePath"] = ClusterTestCertificates.Shared.ClientCertificatePath,
                    ["Kasify__Cluster__Tls__KeyPath"] = ClusterTestCertificates.Shared.ClientKeyPath,
                    ["Kasify__Cluster__Tls__CaCertificatePath"] = ClusterTestCertificates.Shared.CaCertificatePath,
                    ["Authentication__Schemes__Bearer__ValidIssuer"] = ChaosJwt.Issuer,
                    ["Authentication__Schemes__Bearer__ValidAudiences__0"] = ChaosJwt.Audience,
                    ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = ChaosJwt.Issuer,
                    ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(jwt.SigningKey),
                    ["Kasify__RateLimits__PersonalAccessTokenPerMinute"] = "1000000",
                    ["Kasify__RateLimits__UserPerMinute"] = "1000000",
                    ["Kasify__RateLimits__PublicPerIpPerMinute"] = "1000000",
                    ["Kasify__RateLimits__AnonymousPerMinute"] = "1000000",
                };
                var api = new ChaosHost($"api{i + 1}", apiAssembly, ["--urls", url.ToString()], environment);
                cluster._apis.Add(api);
                api.Start();
            }

            cluster.ApiUrls = urls;
            await Task.WhenAll(urls.Select(url => WaitUntilReadyAsync(url, StartWait)));
            log.WriteLine($"cluster: {options.ApiHosts} API hosts ready at {string.Join(", ", urls)}");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls <c>GET /health/ready</c> until it answers 2xx; the elapsed time, or null when it never did in time.</summary>
    public static async Task<TimeSpan?> WaitUntilReadyAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but the cluster does not answer yet.
            }

            await Task.Delay(250);
        }

        return null;
    }

    /// <summary>Saves every host's output (killed processes included) into <paramref name="folder"/>.</summary>
    public void SaveLogs(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var host in _silos.Concat(_apis))
        {
            host.SaveLogs(folder);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _apis.Concat(_silos))
        {
            await host.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }

    // Failure detection as in the PostgreSQL cluster tests: a silo that stops answering two one-second probes is
    // declared dead by one vote, so its grains come back elsewhere within a few seconds. The cost is more probe and
    // table traffic, and a slow (not dead) silo is more easily voted out.
    private static readonly (string Name, string Value)[] SiloTimings =
    [
        ("Kasify__Membership__ProbeTimeout", "00:00:01"),
        ("Kasify__Membership__NumMissedProbesLimit", "2"),
        ("Kasify__Membership__NumVotesForDeathDeclaration", "1"),
        ("Kasify__Membership__IAmAliveTablePublishTimeout", "00:00:02"),
        ("Kasify__Membership__TableRefreshTimeout", "00:00:01"),
        ("Kasify__Membership__DeathVoteExpirationTimeout", "00:00:10"),
        ("Kasify__Reminders__MinimumPeriod", "00:00:05"),
        ("Kasify__Reminders__RefreshListPeriod", "00:00:05"),
        ("Kasify__Outbox__ReminderPeriod", "00:00:10"),
        ("Kasify__Outbox__RetryMaxDelay", "00:00:05"),
        ("Kasify__Locks__ReadBackDelay", "00:00:00.200"),
        ("Kasify__Locks__RetryBaseDelay", "00:00:00.500"),
        ("Kasify__Locks__RetryMaxDelay", "00:00:02"),
        ("Kasify__Locks__CreateConfirmGrace", "00:00:05"),
        ("Kasify__SesReporting__PollBaseDelay", "00:00:00.200"),
        ("Kasify__SesReporting__PollMaxDelay", "00:00:01"),
        ("Kasify__SesReporting__RetryBaseDelay", "00:00:00.500"),
        ("Kasify__SesReporting__RetryMaxDelay", "00:00:02"),
        ("Kasify__Ses__AttemptTimeout", "00:00:10"),
        ("Kasify__Ses__TotalTimeout", "00:00:15"),
        ("Kasify__SesReporting__CallTimeout", "00:00:20"),
    ];

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private Dictionary<string, string> SharedEnvironment() => new()
    {
        ["Kasify__Storage__Mode"] = "Postgres",
        ["Kasify__Storage__ConnectionString"] = ConnectionString,
        ["Kasify__Cluster__ClusterId"] = $"kasify-chaos-{Environment.ProcessId}",
        ["Kasify__Cluster__AdvertisedIp"] = "127.0.0.1",
        ["Kasify__Encryption__Keys__0__Id"] = "chaos",
        ["Kasify__Encryption__Keys__0__Key"] = EncryptionKey,
    };

    private static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
