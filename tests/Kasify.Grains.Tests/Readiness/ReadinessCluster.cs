using Kasify.Fakes.Nuki;
using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.Readiness;
using Kasify.Grains.Tests.SmartLocks;
using Kasify.Silo.Hosting;
using Kasify.Testing;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests.Readiness;

/// <summary>
/// An in-process silo on SQLite (production storage and reminders) with its Nuki client pointed at an in-process
/// <see cref="NukiFakeServer"/>, lock timings in seconds and readiness checks 45, 30 and 15 seconds before check-in
/// (<see cref="Offsets"/>). <see cref="RestartAsync"/> starts a new cluster on the same database while the fake keeps running.
/// </summary>
public sealed class ReadinessCluster : IAsyncLifetime
{
    /// <summary>The offsets every readiness test runs with, longest first.</summary>
    public static readonly TimeSpan[] Offsets = [TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15)];

    private readonly TestFolder _folder = new();
    private InProcessTestCluster? _cluster;

    public NukiFakeServer Nuki { get; } = new(new NukiFakeOptions { ApplyDelayMs = 100 });

    public NukiFakeState NukiFake => Nuki.State;

    public KasifySiloOptions Options { get; private set; } = null!;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not running.");

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var nukiUrl = await Nuki.StartAsync();
        Options = KasifyTestSilos.SqliteOptions(_folder.Path);
        Options.Nuki = new NukiOptions
        {
            BaseUrl = nukiUrl,
            AttemptTimeout = TimeSpan.FromSeconds(2),
            TotalTimeout = TimeSpan.FromSeconds(4),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        };
        Options.Locks = LockCluster.ShortTimings();
        Options.Readiness = new ReadinessOptions { Offsets = "45s,30s,15s", RetryPeriod = TimeSpan.FromSeconds(2) };
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
        _folder.Dispose();
    }

    private async Task<InProcessTestCluster> DeployAsync()
    {
        var cluster = KasifyTestSilos.CreateInProcessClusterBuilder(Options).Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
