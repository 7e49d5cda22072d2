using Kasify.Grains.Security;
using Kasify.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kasify.Silo.Schema;

/// <summary>
/// Creates the Orleans and Kasify tables in an empty database, so a fresh database needs no manual step. Idempotent:
/// on a database that already has <c>OrleansQuery</c> it changes nothing.
/// </summary>
public static class SchemaBootstrapper
{
    // pg_advisory_xact_lock key ("KASIFY" + 1): silos starting together against an empty database take turns.
    private const long PostgresLockKey = 0x4B41_5349_4659_0001L;

    /// <summary>Ensures the schema for the storage mode in <paramref name="options"/>.</summary>
    /// <returns>True when this call created the Orleans schema; false when it was already there.</returns>
    public static Task<bool> EnsureSchemaAsync(KasifySiloOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Storage.Mode == KasifyStorageMode.Postgres
            ? EnsurePostgresSchemaAsync(options.Storage.ConnectionString!, logger, cancellationToken)
            : EnsureSqliteSchemaAsync(KasifySilo.ResolvePath(options.Storage.SqlitePath), logger, cancellationToken);
    }

    /// <summary>
    /// Ensures the schema in a PostgreSQL database: the Orleans scripts when <c>orleansquery</c> is missing, then
    /// Kasify's own tables (IF NOT EXISTS), all in one transaction under an advisory lock.
    /// </summary>
    /// <returns>True when this call created the Orleans schema.</returns>
    public static async Task<bool> EnsurePostgresSchemaAsync(string connectionString, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", PostgresLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        bool exists;
        await using (var probe = new NpgsqlCommand("SELECT to_regclass('orleansquery') IS NOT NULL", connection, transaction))
        {
            exists = (bool)(await probe.ExecuteScalarAsync(cancellationToken))!;
        }

        var scripts = exists ? [SchemaScripts.PostgresKasify] : SchemaScripts.PostgresOrleans.Append(SchemaScripts.PostgresKasify);
        foreach (var script in scripts)
        {
            await using var command = new NpgsqlCommand(SchemaScripts.Read(script), connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (!exists)
        {
            SiloLog.CreatedPostgresSchema(logger, connection.Database);
        }

        return !exists;
    }

    /// <summary>
    /// Ensures the schema in a SQLite file, creating its folder and the file when missing. A new file is switched to
    /// WAL journaling (kept by the file) and gets the Orleans scripts in one transaction.
    /// </summary>
    /// <returns>True when this call created the schema.</returns>
    public static async Task<bool> EnsureSqliteSchemaAsync(string databasePath, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var fullPath = Path.GetFullPath(databasePath);
        OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(fullPath)!);

        await using var connection = new SqliteConnection(KasifySilo.SqliteConnectionString(fullPath));
        await connection.OpenAsync(cancellationToken);

        // SQLite gives its -wal and -shm files the database file's permissions, so restricting this one covers them.
        OwnerOnlyFiles.Restrict(fullPath);
        if (await SqliteHasQueryTableAsync(connection, null, cancellationToken))
        {
            return false;
        }

        // Readers and the single writer then don't block each other; the mode can't change inside a transaction.
        await using (var wal = new SqliteCommand("PRAGMA journal_mode=WAL;", connection))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        // BEGIN IMMEDIATE: a second process bootstrapping the same new file waits here, then sees the tables.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (await SqliteHasQueryTableAsync(connection, transaction, cancellationToken))
        {
            return false;
        }

        foreach (var script in SchemaScripts.SqliteOrleans)
        {
            await using var command = new SqliteCommand(SchemaScripts.Read(script), connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        SiloLog.CreatedSqliteSchema(logger, fullPath);
        return true;
    }

    private static async Task<bool> SqliteHasQueryTableAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var probe = new SqliteCommand(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'OrleansQuery'", connection, transaction);
        return (long)(await probe.ExecuteScalarAsync(cancellationToken))! > 0;
    }
}
