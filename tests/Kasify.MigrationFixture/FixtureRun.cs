using System.Diagnostics;
using Kasify.Grains.Security;
using Kasify.Testing;
using Microsoft.Data.Sqlite;

namespace Kasify.MigrationFixture;

/// <summary>One fixture: fresh storage of one provider, the hosts on it, the scenario, the recording, and the files.</summary>
internal static class FixtureRun
{
    public const string SqliteDatabase = "kasify.db";
    public const string PostgresDump = "kasify.sql";
    public const string KeyFileName = "encryption-keys.json";

    /// <summary>Writes the fixture of <paramref name="provider"/> into <c>{root}/{provider}</c>, replacing what was there.</summary>
    public static async Task WriteAsync(FixtureProvider provider, string root, string? commit)
    {
        var folder = Path.Combine(root, provider.ToString().ToLowerInvariant());
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var mail = Directory.CreateTempSubdirectory("kasify-fixture-mail-").FullName;
        try
        {
            if (provider == FixtureProvider.Sqlite)
            {
                await RunAsync(provider, folder, commit, mail, new Dictionary<string, string>
                {
                    ["Kasify__Storage__Mode"] = "Sqlite",
                    ["Kasify__Storage__SqlitePath"] = Path.Combine(folder, SqliteDatabase),
                    ["Kasify__Storage__CoverImagesPath"] = Path.Combine(folder, "cover-images"),
                    // The key file is the silo's own default: encryption-keys.json next to the database.
                });
                Checkpoint(Path.Combine(folder, SqliteDatabase));
            }
            else
            {
                await using var server = await PostgresServer.StartPrivateAsync();
                var connectionString = await server.CreateDatabaseAsync();
                var key = KeyFile.LoadOrCreate(Path.Combine(folder, KeyFileName))[0];
                await RunAsync(provider, folder, commit, mail, new Dictionary<string, string>
                {
                    ["Kasify__Storage__Mode"] = "Postgres",
                    ["Kasify__Storage__ConnectionString"] = connectionString,
                    ["Kasify__Cluster__AdvertisedIp"] = "127.0.0.1",
                    // One silo and one API on loopback, stopped after the run: nothing else can reach their ports.
                    ["Kasify__Cluster__Tls__Disabled"] = "true",
                    ["Kasify__Encryption__Keys__0__Id"] = key.Id,
                    ["Kasify__Encryption__Keys__0__Key"] = key.Key,
                });
                await PostgresTools.DumpAsync(connectionString, Path.Combine(folder, PostgresDump));
            }
        }
        finally
        {
            Directory.Delete(mail, recursive: true);
        }

        // The silos' turn-taking file for creating the key file; nothing reads it afterwards.
        File.Delete(Path.Combine(folder, KeyFileName + ".lock"));
    }

    private static async Task RunAsync(FixtureProvider provider, string folder, string? commit, string mail, Dictionary<string, string> storage)
    {
        var jwt = new FixtureJwt();
        await using var hosts = await FixtureHosts.StartAsync(storage, FixturePlan.Nuki, jwt, mail);
        using var scenario = new FixtureScenario(hosts.ApiUrl, jwt);
        var clock = Stopwatch.StartNew();
        await scenario.RunAsync();
        Console.WriteLine($"{provider}: dataset written in {clock.Elapsed.TotalSeconds:F0} s");

        var name = provider.ToString().ToLowerInvariant();
        var entities = scenario.Manifest(name, default, commit, []);
        var requests = await new FixtureRecorder(scenario, entities).RecordAsync();
        var manifest = entities with { GeneratedAt = DateTimeOffset.UtcNow, Requests = requests };
        await hosts.StopAsync();
        manifest.Save(folder);
        Console.WriteLine($"{provider}: {requests.Count} requests recorded in {clock.Elapsed.TotalSeconds:F0} s");
    }

    // Everything in the main file, so the fixture needs no -wal file; the database stays in WAL mode as the silo left it.
    private static void Checkpoint(string database)
    {
        using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        foreach (var leftover in new[] { database + "-wal", database + "-shm" })
        {
            if (File.Exists(leftover))
            {
                File.Delete(leftover);
            }
        }
    }
}
