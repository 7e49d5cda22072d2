using System.Data.Common;
using Kasify.Silo.Hosting;
using Kasify.Silo.Schema;
using Kasify.Testing;
using Microsoft.Data.Sqlite;

namespace Kasify.Grains.Tests.Storage;

/// <summary>The embedded mode: ADO.NET storage and reminders on a SQLite file.</summary>
public sealed class SqliteStorageTests : StorageRestartTests, IDisposable
{
    private readonly TestFolder _folder = new();

    // schema_version is bumped by every schema change, even one that leaves the same text behind.
    protected override string SchemaDescriptionQuery =>
        """
        SELECT 'schema_version ' || (SELECT schema_version FROM pragma_schema_version)
        UNION ALL SELECT 'journal_mode ' || (SELECT journal_mode FROM pragma_journal_mode)
        UNION ALL SELECT * FROM (SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name)
        UNION ALL SELECT * FROM (SELECT QueryKey || ' ' || QueryText FROM OrleansQuery ORDER BY QueryKey)
        """;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ANewDatabaseFileIsCreatedWithItsFolderInWalMode()
    {
        var options = await CreateOptionsAsync();
        Assert.False(Directory.Exists(Path.GetDirectoryName(options.Storage.SqlitePath)));

        Assert.True(await SchemaBootstrapper.EnsureSchemaAsync(options));

        await using var connection = await OpenAsync(options);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    protected override Task<KasifySiloOptions> CreateOptionsAsync() =>
        Task.FromResult(KasifyTestSilos.SqliteOptions(Path.Combine(_folder.Path, Guid.NewGuid().ToString("N"))));

    protected override async Task<DbConnection> OpenAsync(KasifySiloOptions options)
    {
        var connection = new SqliteConnection(KasifySilo.SqliteConnectionString(options.Storage.SqlitePath));
        await connection.OpenAsync();
        return connection;
    }
}
