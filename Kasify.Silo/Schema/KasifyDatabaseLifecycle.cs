using System.Runtime.CompilerServices;
using Kasify.Silo.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kasify.Silo.Schema;

/// <summary>
/// Ties the database to the silo's lifecycle: the schema is ensured before any Orleans provider reads
/// <c>OrleansQuery</c> (membership starts at RuntimeInitialize, storage and reminders later), and the data source
/// the silo opened for cover images is disposed after everything else has stopped.
/// </summary>
internal sealed class KasifyDatabaseLifecycle(KasifySiloOptions options, ILogger<KasifyDatabaseLifecycle> logger, NpgsqlDataSource? ownedDataSource)
    : ILifecycleParticipant<ISiloLifecycle>
{
    // The options of hosts whose schema was ensured before they started (Program.cs); their lifecycle step skips it.
    private static readonly ConditionalWeakTable<KasifySiloOptions, object> EnsuredBeforeStart = [];

    /// <summary>
    /// Ensures the schema now, before the host starts, so a failure surfaces as one exception rather than through
    /// Orleans' lifecycle logs; the silo configured with the same <paramref name="siloOptions"/> then skips the step.
    /// </summary>
    public static async Task EnsureSchemaBeforeStartAsync(KasifySiloOptions siloOptions, ILogger siloLogger, CancellationToken cancellationToken = default)
    {
        await SchemaBootstrapper.EnsureSchemaAsync(siloOptions, siloLogger, cancellationToken);
        EnsuredBeforeStart.AddOrUpdate(siloOptions, siloOptions);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(KasifyDatabaseLifecycle), ServiceLifecycleStage.First, StartAsync, StopAsync);

    // Hosts that skip Program.cs (test clusters, KasifyTestSilos) rely on this step.
    private Task StartAsync(CancellationToken cancellationToken) =>
        EnsuredBeforeStart.TryGetValue(options, out _)
            ? Task.CompletedTask
            : SchemaBootstrapper.EnsureSchemaAsync(options, logger, cancellationToken);

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (ownedDataSource is not null)
        {
            await ownedDataSource.DisposeAsync();
        }
    }
}
