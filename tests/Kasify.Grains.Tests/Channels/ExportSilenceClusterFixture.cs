using Kasify.Testing;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests.Channels;

/// <summary>
/// One in-process silo with Kasify's production storage and reminders on a SQLite file, where a channel that has not
/// fetched a property's export for <see cref="ExportStaleAfter"/> counts as silent: seconds instead of hours, so the
/// silence check (a quarter of it, at least the tests' one-second reminder minimum) ticks every second.
/// </summary>
public sealed class ExportSilenceClusterFixture : IAsyncLifetime
{
    /// <summary>The silence threshold of this silo.</summary>
    public static readonly TimeSpan ExportStaleAfter = TimeSpan.FromSeconds(3);

    private readonly TestFolder _folder = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var options = KasifyTestSilos.SqliteOptions(_folder.Path);
        options.Channels.ExportStaleAfter = ExportStaleAfter;
        Cluster = KasifyTestSilos.CreateInProcessClusterBuilder(options).Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _folder.Dispose();
    }
}
