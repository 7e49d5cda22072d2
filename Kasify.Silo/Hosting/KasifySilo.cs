using System.Net;
using Kasify.Grains;
using Kasify.Grains.Crew;
using Kasify.Grains.Hosting;
using Kasify.Grains.Integrations.UniFi;
using Kasify.Grains.Rentals.CoverImages;
using Kasify.Grains.Telemetry;
using Kasify.Hosting.ClusterTls;
using Kasify.Silo.Migrations;
using Kasify.Silo.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace Kasify.Silo.Hosting;

/// <summary>
/// The one place a Kasify silo is configured. Program.cs uses <see cref="Configure"/>; test clusters use the same
/// methods so they run the production configuration.
/// </summary>
public static class KasifySilo
{
    /// <summary>Name of the ADO.NET grain storage inside <see cref="SerializedWritesGrainStorage"/> in Sqlite mode.</summary>
    private const string SqliteStorageName = "kasify-sqlite";

    /// <summary>Orleans ServiceId. Stored state and reminders are keyed by it, so it never changes.</summary>
    public const string ServiceId = "kasify";

    /// <summary>The service name the silo reports telemetry under, unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string TelemetryServiceName = "kasify-silo";

    /// <summary>ADO.NET invariant for SQLite; the providers map it to Microsoft.Data.Sqlite.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>ADO.NET invariant for PostgreSQL.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Configures everything: clustering and endpoints, then <see cref="ConfigureStorageAndGrains"/>.</summary>
    /// <exception cref="KasifyConfigurationException">The options are invalid.</exception>
    public static ISiloBuilder Configure(ISiloBuilder silo, KasifySiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ConfigureClustering(silo, options);
        return ConfigureStorageAndGrains(silo, options);
    }

    /// <summary>
    /// Clustering, endpoints, cluster identity and transport security: localhost clustering on loopback in Sqlite mode,
    /// ADO.NET membership on PostgreSQL in Postgres mode; mutual TLS on the silo and gateway ports as
    /// <see cref="KasifyClusterOptions.Tls"/> says (required in Postgres mode unless explicitly disabled). Test clusters
    /// that bring their own membership and transport skip this part.
    /// </summary>
    /// <exception cref="ClusterTlsConfigurationException">A certificate file cannot be read or is unfit.</exception>
    public static ISiloBuilder ConfigureClustering(ISiloBuilder silo, KasifySiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        var cluster = options.Cluster;
        silo.UseKasifyClusterTls(cluster.Tls, options.IsClusterMode);
        if (options.Storage.Mode == KasifyStorageMode.Sqlite)
        {
            return silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, ServiceId, cluster.ClusterId);
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = ServiceId;
        });
        if (cluster.AdvertisedIp is { } advertisedIp)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(advertisedIp), cluster.SiloPort, cluster.GatewayPort);
        }
        else
        {
            silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort);
        }

        return silo.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgresInvariant;
            o.ConnectionString = options.Storage.ConnectionString;
        });
    }

    /// <summary>
    /// Everything except clustering and endpoints: schema bootstrap, ADO.NET grain storage
    /// (<see cref="StorageNames.Kasify"/>, System.Text.Json payloads) and reminders on the mode's database, the cover
    /// image store, the grains' services, encryption at rest (<see cref="KasifySiloOptions.ResolveEncryption"/>; the keys
    /// are read here, so a missing key fails the silo's configuration), the reminder and membership timings, and trace
    /// propagation through grain calls.
    /// </summary>
    public static ISiloBuilder ConfigureStorageAndGrains(ISiloBuilder silo, KasifySiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        var (invariant, connectionString) = options.Storage.Mode == KasifyStorageMode.Postgres
            ? (PostgresInvariant, options.Storage.ConnectionString!)
            : (SqliteInvariant, SqliteConnectionString(ResolvePath(options.Storage.SqlitePath)));

        NpgsqlDataSource? dataSource = null;
        ICoverImageStore coverImages;
        if (options.Storage.Mode == KasifyStorageMode.Postgres)
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
            coverImages = new PostgresCoverImageStore(dataSource);
        }
        else
        {
            coverImages = new FileCoverImageStore(ResolvePath(options.Storage.CoverImagesPath));
        }

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => new KasifyDatabaseLifecycle(
            options, services.GetRequiredService<ILogger<KasifyDatabaseLifecycle>>(), dataSource));

        silo.UseSystemTextJsonGrainStorageSerializer();
        if (options.Storage.Mode == KasifyStorageMode.Postgres)
        {
            silo.AddAdoNetGrainStorage(StorageNames.Kasify, o =>
            {
                o.Invariant = invariant;
                o.ConnectionString = connectionString;
            });
        }
        else
        {
            // The ADO.NET storage runs under an inner name; grains use the wrapper that queues writes to the one file.
            silo.AddAdoNetGrainStorage(SqliteStorageName, o =>
            {
                o.Invariant = invariant;
                o.ConnectionString = connectionString;
            });
            silo.Services.AddKeyedSingleton<IGrainStorage>(
                StorageNames.Kasify,
                static (services, _) => new SerializedWritesGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(SqliteStorageName)));
        }

        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = invariant;
            o.ConnectionString = connectionString;
        });
        silo.Configure<ReminderOptions>(o =>
        {
            o.MinimumReminderPeriod = options.Reminders.MinimumPeriod;
            if (options.Reminders.RefreshListPeriod is { } refresh)
            {
                o.RefreshReminderListPeriod = refresh;
            }
        });
        silo.Configure<ClusterMembershipOptions>(o => ApplyMembership(options.Membership, o));

        // Incoming grain calls continue their caller's trace, and calls onward (grains, vendors) carry it further.
        silo.AddActivityPropagation();

        silo.Services.AddKasifyGrains(coverImages);
        silo.Services.AddKasifyEncryption(options.ResolveEncryption());
        silo.Services.AddNukiClient(options.Nuki);
        silo.Services.AddOutboundPolicy(options.Outbound);
        silo.Services.AddUniFiAccessClient().AddVendorTelemetry(VendorNames.UniFi);
        silo.Services.AddChannelFeedClient(options.Channels);
        silo.Services.AddSesClient(options.Ses);
        silo.Services.AddSmartLocks(options.Locks);
        silo.Services.AddReadiness(options.Readiness);
        silo.Services.AddInvitationEmail(options.Email);
        silo.Services.AddSesReporting(options.SesReporting);
        silo.Services.AddSingleton(options.Outbox);
        silo.Services.AddSingleton(options);
        silo.AddStartupTask<LegacySecretKeyMigration>();
        return silo;
    }

    /// <summary>A path from configuration, made absolute against the working directory.</summary>
    public static string ResolvePath(string path) => Path.GetFullPath(path, Environment.CurrentDirectory);

    /// <summary>The connection string the silo uses for a SQLite file.</summary>
    public static string SqliteConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
    }.ToString();

    /// <summary>A PostgreSQL connection string safe to log: the password is removed.</summary>
    public static string RedactConnectionString(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (builder.Password is not null)
            {
                builder.Password = "***";
            }

            return builder.ToString();
        }
        catch (ArgumentException)
        {
            return "(unparseable connection string)";
        }
    }

    private static void ApplyMembership(KasifyMembershipOptions settings, ClusterMembershipOptions membership)
    {
        membership.ProbeTimeout = settings.ProbeTimeout ?? membership.ProbeTimeout;
        membership.NumMissedProbesLimit = settings.NumMissedProbesLimit ?? membership.NumMissedProbesLimit;
        membership.NumVotesForDeathDeclaration = settings.NumVotesForDeathDeclaration ?? membership.NumVotesForDeathDeclaration;
        membership.IAmAliveTablePublishTimeout = settings.IAmAliveTablePublishTimeout ?? membership.IAmAliveTablePublishTimeout;
        membership.TableRefreshTimeout = settings.TableRefreshTimeout ?? membership.TableRefreshTimeout;
        membership.DeathVoteExpirationTimeout = settings.DeathVoteExpirationTimeout ?? membership.DeathVoteExpirationTimeout;
    }
}
