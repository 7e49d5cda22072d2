using Kasify.Silo.Hosting;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>The calls the silo's grains received; it can also hold calls to one grain.</summary>
    public GrainCallProbe GrainCalls => Cluster.GetSiloServiceProvider().GetRequiredService<GrainCallProbe>();

    public async Task InitializeAsync()
    {
        Options = KasifyTestSilos.SqliteOptions(_folder.Path);
        var builder = KasifyTestSilos.CreateInProcessClusterBuilder(Options);
        builder.ConfigureSilo((_, silo) => GrainCallProbe.AddTo(silo));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _folder.Dispose();
    }
}
