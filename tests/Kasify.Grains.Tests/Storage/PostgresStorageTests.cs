using System.Data.Common;
using Kasify.Grains.Rentals.CoverImages;
using Kasify.Silo.Hosting;
using Kasify.Silo.Schema;
using Kasify.Testing;
using Npgsql;

namespace Kasify.Grains.Tests.Storage;

/// <summary>The cluster mode's storage: ADO.NET storage and reminders on PostgreSQL.</summary>
public sealed class PostgresStorageTests : StorageRestartTests
{
    // OIDs and xmin change when an object or a row is re-created, even with the same definition.
    protected override string SchemaDescriptionQuery =>
        """
        SELECT * FROM (SELECT format('%s %s %s', c.relkind, c.relname, c.oid) FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY c.relname) AS relations
        UNION ALL SELECT * FROM (SELECT format('function %s %s', p.proname, p.oid) FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY p.proname) AS functions
        UNION ALL SELECT * FROM (SELECT format('query %s %s %s', querykey, xmin, md5(querytext)) FROM orleansquery
            ORDER BY querykey) AS queries
        """;

    [Fact]
    public async Task TheCoverImageStoreWorksOnTheCreatedTable()
    {
        var options = await CreateOptionsAsync();
        await SchemaBootstrapper.EnsureSchemaAsync(options);
        await using var dataSource = NpgsqlDataSource.Create(options.Storage.ConnectionString!);
        var store = new PostgresCoverImageStore(dataSource);
        var propertyId = Guid.NewGuid();

        await store.SaveAsync(propertyId, new StoredCoverImage("image/png", [1, 2, 3]));
        await store.SaveAsync(propertyId, new StoredCoverImage("image/jpeg", [4, 5]));
        var image = await store.ReadAsync(propertyId);

        Assert.NotNull(image);
        Assert.Equal("image/jpeg", image.ContentType);
        Assert.Equal([4, 5], image.Content);
        await store.DeleteAsync(propertyId);
        Assert.Null(await store.ReadAsync(propertyId));
    }

    protected override async Task<KasifySiloOptions> CreateOptionsAsync()
    {
        var server = await PostgresServer.GetSharedAsync();
        return KasifyTestSilos.PostgresOptions(await server.CreateDatabaseAsync());
    }

    protected override async Task<DbConnection> OpenAsync(KasifySiloOptions options)
    {
        var connection = new NpgsqlConnection(options.Storage.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
