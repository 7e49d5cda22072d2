using Kasify.Grains.Hosting;
using Kasify.Grains.Rentals.CoverImages;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests;

/// <summary>One in-process silo shared by the grain behaviour tests of a collection; every test uses fresh grain keys.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kasify-grain-tests-" + Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Kasify);
            silo.Services.AddKasifyGrains(new FileCoverImageStore(Path.Combine(_folder, "cover-images")));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
