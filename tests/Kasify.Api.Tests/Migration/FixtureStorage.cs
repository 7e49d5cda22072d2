extern alias silo;

using Kasify.Grains.Security;
using Kasify.Testing;
using KasifySiloOptions = silo::Kasify.Silo.Hosting.KasifySiloOptions;

namespace Kasify.Api.Tests.Migration;

/// <summary>Puts a committed fixture's data where a test silo can start on it, without touching the committed files.</summary>
internal static class FixtureStorage
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private const string KeyFileName = "encryption-keys.json";

    /// <summary>The fixture folder of a provider, as copied next to the test assembly.</summary>
    public static string Folder(string provider) => Path.Combine(AppContext.BaseDirectory, "Migration", "Fixtures", provider);

    /// <summary>Copies the SQLite database, its key file and the cover images into <paramref name="hostFolder"/> and returns options for it.</summary>
    public static KasifySiloOptions CopySqlite(string fixture, string hostFolder)
    {
        Directory.CreateDirectory(hostFolder);
        File.Copy(Path.Combine(fixture, "kasify.db"), Path.Combine(hostFolder, "kasify.db"));
        File.Copy(Path.Combine(fixture, KeyFileName), Path.Combine(hostFolder, KasifySiloOptions.DefaultKeyFileName));
        var covers = Directory.CreateDirectory(Path.Combine(hostFolder, "cover-images"));
        foreach (var file in Directory.GetFiles(Path.Combine(fixture, "cover-images")))
        {
            File.Copy(file, Path.Combine(covers.FullName, Path.GetFileName(file)));
        }

        return KasifyTestSilos.SqliteOptions(hostFolder);
    }

    /// <summary>Restores the PostgreSQL dump into a new database of the shared test server; returns its connection string.</summary>
    public static async Task<string> RestorePostgresAsync(string fixture)
    {
        var server = await PostgresServer.GetSharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await PostgresTools.RestoreAsync(connectionString, Path.Combine(fixture, "kasify.sql"));
        return connectionString;
    }

    /// <summary>Postgres-mode options for a restored database, with the fixture's encryption keys.</summary>
    public static KasifySiloOptions PostgresOn(string fixture, string connectionString)
    {
        var keyFile = Path.Combine(fixture, KeyFileName);
        if (!File.Exists(keyFile))
        {
            throw new FileNotFoundException("The fixture's encryption keys are missing.", keyFile);
        }

        var options = KasifyTestSilos.PostgresOptions(connectionString);
        options.Encryption = new KasifyEncryptionOptions { Keys = [.. KeyFile.LoadOrCreate(keyFile)] };
        return options;
    }
}
