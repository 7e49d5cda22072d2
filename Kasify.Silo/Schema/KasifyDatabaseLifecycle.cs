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
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(KasifyDatabaseLifecycle), ServiceLifecycleStage.First, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken) =>
        SchemaBootstrapper.EnsureSchemaAsync(options, logger, cancellationToken);

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (ownedDataSource is not null)
        {
            await ownedDataSource.DisposeAsync();
        }
    }
}
