using System.Data.Common;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kasify.Silo.Migrations;

/// <summary>
/// Moves check-in codes and public task tokens that were indexed under their raw value (before index keys were
/// hashed) to their hashed keys, then deletes the emptied rows, so no stored key carries a secret any more. Runs when a
/// silo starts; idempotent, so silos starting together may both run it.
/// </summary>
internal sealed partial class LegacySecretKeyMigration(KasifySiloOptions options, IGrainFactory grains, ILogger<LegacySecretKeyMigration> logger)
    : IStartupTask
{
    private const string LegacyKeys =
        "ServiceId = @service AND (GrainIdExtensionString LIKE 'code:%' OR GrainIdExtensionString LIKE 'taskpub:%')";

    public async Task Execute(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        var keys = await LiveLegacyKeysAsync(connection, cancellationToken);
        foreach (var key in keys)
        {
            // Resolving an entry under its raw key moves it (the index grains do the move, so it also happens on demand).
            if (CheckinCodeKeys.CodeOfLegacy(key) is not null)
            {
                await grains.GetGrain<ICheckinCodeIndexGrain>(key).ResolveAsync();
            }
            else if (TaskPublicTokenKeys.TokenOfLegacy(key) is not null)
            {
                await grains.GetGrain<ITaskPublicTokenIndexGrain>(key).ResolveAsync();
            }
        }

        var deleted = await DeleteEmptiedAsync(connection, cancellationToken);
        if (keys.Count > 0 || deleted > 0)
        {
            LogMigrated(keys.Count, deleted);
        }
    }

    private DbConnection Open() => options.Storage.Mode == KasifyStorageMode.Postgres
        ? new NpgsqlConnection(options.Storage.ConnectionString)
        : new SqliteConnection(KasifySilo.SqliteConnectionString(KasifySilo.ResolvePath(options.Storage.SqlitePath)));

    private static async Task<List<string>> LiveLegacyKeysAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT GrainIdExtensionString FROM OrleansStorage WHERE {LegacyKeys} AND PayloadBinary IS NOT NULL");
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    // A cleared row keeps its key; an index row without state reads exactly like a missing one, so it can go.
    private static async Task<int> DeleteEmptiedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"DELETE FROM OrleansStorage WHERE {LegacyKeys} AND PayloadBinary IS NULL");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string text)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        var service = command.CreateParameter();
        service.ParameterName = "service";
        service.Value = KasifySilo.ServiceId;
        command.Parameters.Add(service);
        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Moved} raw-keyed check-in code and task link entries to hashed keys; deleted {Deleted} emptied rows.")]
    private partial void LogMigrated(int moved, int deleted);
}
