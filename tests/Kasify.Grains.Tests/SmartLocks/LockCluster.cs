using Kasify.Fakes.Nuki;
using Kasify.Fakes.UniFi;
using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.SmartLocks;
using Kasify.Silo.Hosting;
using Kasify.Testing;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// An in-process silo with Kasify's production storage and reminders (SQLite, one-second reminder minimum), its Nuki
/// client pointed at an in-process <see cref="NukiFakeServer"/>, a <see cref="UniFiFakeServer"/> console over HTTPS, and
/// lock timings shortened to seconds. Used as a class fixture, or created by a test that restarts the silo
/// (<see cref="RestartAsync"/> starts a new cluster on the same database while the fakes keep running).
/// </summary>
public sealed class LockCluster : IAsyncLifetime
{
    private readonly TestFolder _folder = new();
    private readonly Uri? _nukiBaseUrl;
    private InProcessTestCluster? _cluster;

    /// <summary>A cluster whose Nuki client calls the in-process fake.</summary>
    public LockCluster()
        : this(null)
    {
    }

    /// <summary>A cluster whose Nuki client calls <paramref name="nukiBaseUrl"/> instead of the fake (e.g. a closed port).</summary>
    internal LockCluster(Uri? nukiBaseUrl) => _nukiBaseUrl = nukiBaseUrl;

    /// <summary>The lock timings every lock test runs with: reminders and retries within seconds.</summary>
    public static SmartLockOptions ShortTimings() => new()
    {
        StatusRefreshPeriod = TimeSpan.FromSeconds(1),
        InlineVendorTimeout = TimeSpan.FromSeconds(2),
        StaleRefreshTimeout = TimeSpan.FromSeconds(1),
        ReadBackDelay = TimeSpan.FromMilliseconds(200),
        RetryBaseDelay = TimeSpan.FromMilliseconds(500),
        RetryMaxDelay = TimeSpan.FromSeconds(2),
        CreateConfirmGrace = TimeSpan.FromSeconds(5),
        AutoCodeRetryPeriod = TimeSpan.FromSeconds(2),
    };

    /// <summary>The fake Nuki Web API; writes reach a lock 300 ms after their 204, as Nuki applies them asynchronously.</summary>
    public NukiFakeServer Nuki { get; } = new(new NukiFakeOptions { ApplyDelayMs = 300 });

    /// <summary>The fake Nuki's state: accounts, locks, codes and switches.</summary>
    public NukiFakeState NukiFake => Nuki.State;

    /// <summary>The fake UniFi Access console (seeded doors and token, self-signed certificate).</summary>
    public UniFiFakeServer UniFi { get; private set; } = null!;

    /// <summary>The silo's options: database location, vendor client and lock timings.</summary>
    public KasifySiloOptions Options { get; private set; } = null!;

    /// <summary>The running test cluster; a new one after <see cref="RestartAsync"/>.</summary>
    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not running.");

    /// <summary>The current cluster's client.</summary>
    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var nukiUrl = await Nuki.StartAsync();
        UniFi = await UniFiFakeServer.StartAsync();
        Options = KasifyTestSilos.SqliteOptions(_folder.Path);
        Options.Nuki = new NukiOptions
        {
            BaseUrl = _nukiBaseUrl ?? nukiUrl,
            AttemptTimeout = TimeSpan.FromSeconds(2),
            TotalTimeout = TimeSpan.FromSeconds(4),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        };
        Options.Locks = ShortTimings();
        _cluster = await DeployAsync();
    }

    /// <summary>Stops every silo gracefully, then starts a new cluster on the same SQLite database.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        _cluster = null;
        _cluster = await DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await Nuki.DisposeAsync();
        if (UniFi is not null)
        {
            await UniFi.DisposeAsync();
        }

        _folder.Dispose();
    }

    private async Task<InProcessTestCluster> DeployAsync()
    {
        var cluster = KasifyTestSilos.CreateInProcessClusterBuilder(Options).Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
