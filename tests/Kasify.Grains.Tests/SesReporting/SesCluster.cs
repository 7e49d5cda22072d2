using Kasify.Fakes.Ses;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.SesReporting;
using Kasify.Silo.Hosting;
using Kasify.Testing;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests.SesReporting;

/// <summary>
/// An in-process silo with Kasify's production storage and reminders (SQLite, one-second reminder minimum), its SES
/// client pointed at an in-process <see cref="SesFakeServer"/>, and reporting timings shortened to seconds. The fake keeps
/// running across <see cref="RestartAsync"/> and <see cref="KillAndRestartAsync"/>, which start a new cluster on the
/// same database.
/// </summary>
public class SesCluster : IAsyncLifetime
{
    private readonly TestFolder _folder = new();
    private readonly SesReportingOptions _timings;
    private InProcessTestCluster? _cluster;

    /// <summary>A cluster with <see cref="ShortTimings"/>.</summary>
    public SesCluster()
        : this(ShortTimings())
    {
    }

    /// <summary>A cluster with <paramref name="timings"/>.</summary>
    protected SesCluster(SesReportingOptions timings) => _timings = timings;

    /// <summary>The fake SES.HOSPEDAJES service; lots stay in process for 300 ms.</summary>
    public SesFakeServer Ses { get; } = new(new SesFakeOptions { ProcessingDelayMs = 300 });

    /// <summary>The fake's state: switches, lots and communications received.</summary>
    public SesFakeState SesFake => Ses.State;

    /// <summary>The silo's options.</summary>
    public KasifySiloOptions Options { get; private set; } = null!;

    /// <summary>The running test cluster; a new one after a restart.</summary>
    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not running.");

    /// <summary>The current cluster's client.</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Reporting timings for tests: everything within a second or two.</summary>
    public static SesReportingOptions ShortTimings() => new()
    {
        ReminderPeriod = TimeSpan.FromSeconds(1),
        PollBaseDelay = TimeSpan.FromMilliseconds(200),
        PollMaxDelay = TimeSpan.FromSeconds(1),
        RetryBaseDelay = TimeSpan.FromMilliseconds(300),
        RetryMaxDelay = TimeSpan.FromSeconds(1),
        CallTimeout = TimeSpan.FromSeconds(10),
    };

    public async Task InitializeAsync()
    {
        await Ses.StartAsync();
        Options = KasifyTestSilos.SqliteOptions(_folder.Path);
        Options.Ses = new SesOptions
        {
            EndpointUrl = Ses.ServiceUrl,
            AttemptTimeout = TimeSpan.FromSeconds(8),
            TotalTimeout = TimeSpan.FromSeconds(9),
        };
        Options.SesReporting = _timings;
        _cluster = await DeployAsync();
    }

    /// <summary>Stops every silo gracefully, then starts a new cluster on the same database.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        _cluster = await DeployAsync();
    }

    /// <summary>Kills every silo without letting it finish its work, then starts a new cluster on the same database.</summary>
    public async Task KillAndRestartAsync()
    {
        foreach (var silo in Cluster.Silos.ToList())
        {
            await Cluster.KillSiloAsync(silo);
        }

        await Cluster.DisposeAsync();
        _cluster = await DeployAsync();
    }

    public async Task DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await Ses.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<InProcessTestCluster> DeployAsync()
    {
        var cluster = KasifyTestSilos.CreateInProcessClusterBuilder(Options).Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
