using Kasify.Silo.Hosting;
using Kasify.Testing;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests;

/// <summary>
/// One in-process silo with Kasify's production storage (ADO.NET on a SQLite file, ADO.NET reminders, cover images on
/// disk), one per test class; every test uses fresh grain keys.
/// </summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    private readonly TestFolder _folder = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The silo's options: where its database is, for tests that read stored rows.</summary>
    public KasifySiloOptions Options { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        Options = KasifyTestSilos.SqliteOptions(_folder.Path);
        Cluster = KasifyTestSilos.CreateInProcessClusterBuilder(Options).Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _folder.Dispose();
    }
}
