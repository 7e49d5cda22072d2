using System.Security.Cryptography;
using Kasify.Grains.Crew;
using Kasify.Grains.Outbound;
using Kasify.Grains.Security;
using Kasify.Hosting.ClusterTls;
using Kasify.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Kasify.Testing;

/// <summary>
/// Silos and clients for tests, built with the production configuration (<see cref="KasifySilo"/>). Two styles:
/// <list type="bullet">
/// <item><see cref="CreateInProcessClusterBuilder"/>: an Orleans in-process test cluster (test membership) whose silos
/// use Kasify's real storage, reminders, schema and services on a SQLite file or a PostgreSQL database.</item>
/// <item><see cref="StartSiloAsync"/> / <see cref="StartClientAsync"/>: real silo hosts configured exactly like
/// Kasify.Silo's Program.cs (localhost or ADO.NET clustering included), for membership and failover tests.</item>
/// </list>
/// Set the environment variable <c>KASIFY_TEST_LOGS=1</c> to see the silos' logs on the console.
/// </summary>
public static class KasifyTestSilos
{
    /// <summary>The reminder minimum tests use, so a reminder can tick every second.</summary>
    public static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Sqlite-mode options for a folder: database <c>kasify.db</c>, cover images <c>cover-images</c>, invitation emails
    /// <c>mail</c> and the encryption key file inside it, free ports, one-second reminder minimum, loopback allowed for
    /// calls to user-chosen URLs (<see cref="FakesOnLoopback"/>).
    /// </summary>
    public static KasifySiloOptions SqliteOptions(string folder)
    {
        var ports = FreePort.Next(2);
        return new KasifySiloOptions
        {
            Storage = new KasifyStorageOptions
            {
                Mode = KasifyStorageMode.Sqlite,
                SqlitePath = Path.Combine(folder, "kasify.db"),
                CoverImagesPath = Path.Combine(folder, "cover-images"),
            },
            Cluster = new KasifyClusterOptions { ClusterId = "kasify-test", SiloPort = ports[0], GatewayPort = ports[1] },
            Reminders = new KasifyReminderOptions { MinimumPeriod = MinimumReminderPeriod },
            Encryption = new KasifyEncryptionOptions { KeyFile = Path.Combine(folder, KasifySiloOptions.DefaultKeyFileName) },
            Email = new InvitationEmailOptions { PickupDirectory = Path.Combine(folder, "mail") },
            Outbound = FakesOnLoopback(),
        };
    }

    /// <summary>
    /// The outbound policy of test silos: the vendor fakes listen on loopback, so loopback is allowed (never by default);
    /// everything else is refused as in production.
    /// </summary>
    public static OutboundOptions FakesOnLoopback() => new() { AllowLoopback = true };

    /// <summary>
    /// Options bound and validated from configuration keys such as <c>Kasify:Storage:Mode</c>, as the silo program does
    /// (<see cref="KasifySiloOptions.FromConfiguration"/>).
    /// </summary>
    public static KasifySiloOptions FromSettings(params (string Key, string Value)[] settings) =>
        KasifySiloOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build());

    /// <summary>Encryption options with one fresh random key (id <c>test</c>), for every silo of one test cluster.</summary>
    public static KasifyEncryptionOptions RandomEncryption() => new()
    {
        Keys = [new KasifyEncryptionKey { Id = "test", Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }],
    };

    /// <summary>
    /// Postgres-mode options for a database (see <see cref="PostgresServer.CreateDatabaseAsync"/>): a fresh ClusterId
    /// unless given, loopback endpoints on free ports, mutual TLS with the <see cref="ClusterTestCertificates.Shared"/>
    /// silo certificate, a random encryption key (copied by <see cref="WithNewPorts"/>, so every silo of the cluster
    /// shares it), one-second reminder minimum, loopback allowed for calls to user-chosen URLs, and failure detection
    /// shortened so a killed silo is declared dead within a few seconds.
    /// </summary>
    public static KasifySiloOptions PostgresOptions(string connectionString, string? clusterId = null)
    {
        var ports = FreePort.Next(2);
        return new KasifySiloOptions
        {
            Storage = new KasifyStorageOptions { Mode = KasifyStorageMode.Postgres, ConnectionString = connectionString },
            Cluster = new KasifyClusterOptions
            {
                ClusterId = clusterId ?? $"kasify-test-{Guid.NewGuid():N}",
                SiloPort = ports[0],
                GatewayPort = ports[1],
                AdvertisedIp = "127.0.0.1",
                Tls = ClusterTestCertificates.Shared.SiloTls(),
            },
            Reminders = new KasifyReminderOptions { MinimumPeriod = MinimumReminderPeriod },
            Encryption = RandomEncryption(),
            Membership = new KasifyMembershipOptions
            {
                ProbeTimeout = TimeSpan.FromSeconds(1),
                NumMissedProbesLimit = 2,
                NumVotesForDeathDeclaration = 1,
                IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2),
                TableRefreshTimeout = TimeSpan.FromSeconds(1),
                DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10),
            },
            Outbound = FakesOnLoopback(),
        };
    }

    /// <summary>The same options with new free silo and gateway ports, for the next silo of a multi-silo cluster.</summary>
    public static KasifySiloOptions WithNewPorts(KasifySiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ports = FreePort.Next(2);
        return WithCluster(options, ports[0], ports[1], options.Cluster.Tls);
    }

    /// <summary>
    /// The same options with other TLS settings, e.g. for a client of the cluster that presents another certificate
    /// (<see cref="StartClientAsync"/> uses them).
    /// </summary>
    public static KasifySiloOptions WithTls(KasifySiloOptions options, ClusterTlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(options);
        return WithCluster(options, options.Cluster.SiloPort, options.Cluster.GatewayPort, tls);
    }

    /// <summary>
    /// An in-process test cluster builder (test membership, in-memory transport) whose silos run
    /// <see cref="KasifySilo.ConfigureStorageAndGrains"/> with <paramref name="options"/>. ServiceId is Kasify's, so a
    /// second cluster on the same database sees the first one's state and reminders. Add further silo configuration
    /// (fake vendor clients, a TimeProvider) with <see cref="InProcessTestClusterBuilder.ConfigureSilo"/>.
    /// </summary>
    public static InProcessTestClusterBuilder CreateInProcessClusterBuilder(KasifySiloOptions options, short silos = 1)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = KasifySilo.ServiceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo(ConfigureSilo(options));
        builder.ConfigureHost(AddConsoleLogsWhenAsked);
        return builder;
    }

    /// <summary>The silo delegate <see cref="CreateInProcessClusterBuilder"/> installs, for builders made elsewhere.</summary>
    public static Action<InProcessTestSiloSpecificOptions, ISiloBuilder> ConfigureSilo(KasifySiloOptions options) =>
        (_, silo) => KasifySilo.ConfigureStorageAndGrains(silo, options);

    /// <summary>
    /// Starts a silo host configured by <see cref="KasifySilo.Configure"/>, like Kasify.Silo's Program.cs
    /// (without its appsettings), plus <paramref name="configure"/> for test services. Stop it with
    /// <see cref="StopAsync"/> or <see cref="KillAsync"/>; its address is <c>ILocalSiloDetails.SiloAddress</c>.
    /// </summary>
    public static async Task<IHost> StartSiloAsync(
        KasifySiloOptions options, Action<ISiloBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = CreateHostBuilder();
        builder.UseOrleans(silo =>
        {
            KasifySilo.Configure(silo, options);
            configure?.Invoke(silo);
        });
        return await StartAsync(builder.Build(), cancellationToken);
    }

    /// <summary>
    /// Starts a client host for the cluster <paramref name="options"/> describe: ADO.NET membership in Postgres mode
    /// (it finds every live gateway), the silo's gateway port in Sqlite mode; TLS as the API configures it, from
    /// <c>options.Cluster.Tls</c> (see <see cref="WithTls"/>); plus <paramref name="configure"/>.
    /// Resolve <see cref="IClusterClient"/> from its services.
    /// </summary>
    public static async Task<IHost> StartClientAsync(
        KasifySiloOptions options, Action<IClientBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = CreateHostBuilder();
        builder.UseOrleansClient(client =>
        {
            if (options.Storage.Mode == KasifyStorageMode.Postgres)
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = options.Cluster.ClusterId;
                    o.ServiceId = KasifySilo.ServiceId;
                });
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = KasifySilo.PostgresInvariant;
                    o.ConnectionString = options.Storage.ConnectionString;
                });
            }
            else
            {
                client.UseLocalhostClustering(options.Cluster.GatewayPort, KasifySilo.ServiceId, options.Cluster.ClusterId);
            }

            client.UseKasifyClusterTls(options.Cluster.Tls, options.IsClusterMode);
            configure?.Invoke(client);
        });
        return await StartAsync(builder.Build(), cancellationToken);
    }

    /// <summary>Stops a host gracefully and disposes it.</summary>
    public static async Task StopAsync(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.StopAsync();
        await DisposeAsync(host);
    }

    /// <summary>
    /// Stops a silo host without a graceful shutdown (what TestCluster calls a kill): it leaves the cluster without
    /// telling anyone, and the survivors must detect its death through membership.
    /// </summary>
    public static async Task KillAsync(IHost silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        try
        {
            await silo.StopAsync(new CancellationToken(canceled: true));
        }
        catch (OperationCanceledException)
        {
            // Expected: the stop was cancelled on purpose.
        }

        await DisposeAsync(silo);
    }

    private static KasifySiloOptions WithCluster(KasifySiloOptions options, int siloPort, int gatewayPort, ClusterTlsOptions tls)
    {
        return new KasifySiloOptions
        {
            Storage = options.Storage,
            Cluster = new KasifyClusterOptions
            {
                ClusterId = options.Cluster.ClusterId,
                SiloPort = siloPort,
                GatewayPort = gatewayPort,
                AdvertisedIp = options.Cluster.AdvertisedIp,
                Tls = tls,
            },
            Reminders = options.Reminders,
            Membership = options.Membership,
            Encryption = options.Encryption,
            Nuki = options.Nuki,
            Ses = options.Ses,
            Locks = options.Locks,
            Email = options.Email,
            Outbound = options.Outbound,
            SesReporting = options.SesReporting,
            Outbox = options.Outbox,
        };
    }

    private static HostApplicationBuilder CreateHostBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
        });
        AddConsoleLogsWhenAsked(builder);
        return builder;
    }

    private static void AddConsoleLogsWhenAsked(IHostApplicationBuilder builder)
    {
        if (Environment.GetEnvironmentVariable("KASIFY_TEST_LOGS") == "1")
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
        }
    }

    private static async Task<IHost> StartAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            await DisposeAsync(host);
            throw;
        }
    }

    private static async ValueTask DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
