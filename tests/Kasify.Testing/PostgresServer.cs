using System.Diagnostics;
using Npgsql;

namespace Kasify.Testing;

/// <summary>
/// A PostgreSQL server for tests: the one named by <c>KASIFY_TEST_POSTGRES</c> (an Npgsql connection string whose
/// user may create databases), or else a private server started from the machine's binaries in a temp folder on a
/// free port. One server is shared by the whole test run (<see cref="GetSharedAsync"/>); each test class asks it for
/// a fresh database with <see cref="CreateDatabaseAsync"/>, so tests never share tables. The private server is stopped
/// and its folder deleted when the test process exits, and by a watchdog if the process dies without exiting.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Environment variable that points the tests at an existing server instead of a private one.</summary>
    public const string ConnectionStringVariable = "KASIFY_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SemaphoreSlim _createLock = new(1, 1);
    private readonly List<string> _databases = [];
    private readonly PrivateServer? _private;
    private int _disposed;

    private PostgresServer(string connectionString, PrivateServer? privateServer)
    {
        ConnectionString = connectionString;
        _private = privateServer;
    }

    /// <summary>Connection string to the server's maintenance database, with rights to create databases.</summary>
    public string ConnectionString { get; }

    /// <summary>True when this process started the server (false when it came from <c>KASIFY_TEST_POSTGRES</c>).</summary>
    public bool IsPrivate => _private is not null;

    /// <summary>
    /// The server shared by every test in this process, started on first use and stopped when the process exits.
    /// </summary>
    /// <exception cref="InvalidOperationException">No server is configured and no PostgreSQL binaries are installed.</exception>
    public static Task<PostgresServer> GetSharedAsync() => Shared.Value;

    /// <summary>Starts a private server from local binaries; the caller disposes it.</summary>
    public static async Task<PostgresServer> StartPrivateAsync(CancellationToken cancellationToken = default)
    {
        var server = await PrivateServer.StartAsync(cancellationToken);
        return new PostgresServer(server.AdminConnectionString, server);
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"kasify_test_{Guid.NewGuid():N}";

        // CREATE DATABASE copies template1 and fails while another session uses it, so creations take turns.
        await _createLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            _databases.Add(name);
        }
        finally
        {
            _createLock.Release();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    /// <summary>Stops a private server and deletes its folder, or drops the databases created on an external one.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_private is not null)
        {
            _private.Stop();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private void ReleaseAtExit()
    {
        if (_private is not null)
        {
            _private.StopDetached();
            return;
        }

        try
        {
            DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Best effort: leftover test databases on an external server are harmless.
        }
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        var server = string.IsNullOrWhiteSpace(external)
            ? await StartPrivateAsync()
            : new PostgresServer(external, null);

        // xunit gives no run-wide teardown hook; process exit is the end of the run. The test host may be killed soon
        // after, so the exit handler must not wait for anything.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.ReleaseAtExit();
        return server;
    }

    /// <summary>A postgres process of our own: data folder, port, and the commands that start and stop it.</summary>
    private sealed class PrivateServer
    {
        private readonly string _binDirectory;
        private readonly string _folder;
        private readonly bool _asPostgresUser;

        private PrivateServer(string binDirectory, string folder, int port, bool asPostgresUser)
        {
            _binDirectory = binDirectory;
            _folder = folder;
            _asPostgresUser = asPostgresUser;
            AdminConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = "postgres",
            }.ToString();
        }

        public string AdminConnectionString { get; }

        private string DataDirectory => Path.Combine(_folder, "data");

        public static async Task<PrivateServer> StartAsync(CancellationToken cancellationToken)
        {
            var binDirectory = PostgresTools.FindDirectory("initdb", "pg_ctl") ?? throw new InvalidOperationException(PostgresTools.InstallHint);
            var folder = Directory.CreateTempSubdirectory("kasify-pg-").FullName;

            // postgres refuses to run as root; the Debian package creates a postgres user to run it as.
            var asPostgresUser = Environment.UserName == "root";
            if (asPostgresUser)
            {
                await PostgresTools.RunAsync("chown", ["postgres:postgres", folder], null, cancellationToken);
            }

            var server = new PrivateServer(binDirectory, folder, FreePort.Next(), asPostgresUser);
            try
            {
                await server.InitializeAndStartAsync(cancellationToken);
                return server;
            }
            catch
            {
                server.Stop();
                throw;
            }
        }

        public void Stop()
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                PostgresTools.RunAsync("/bin/sh", ["-c", StopCommand()], null, CancellationToken.None).GetAwaiter().GetResult();
            }
            finally
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        private async Task InitializeAndStartAsync(CancellationToken cancellationToken)
        {
            var port = new NpgsqlConnectionStringBuilder(AdminConnectionString).Port;
            await PostgresTools.RunAsync("/bin/sh", ["-c", AsServerUser(
                $"{Quote(Tool("initdb"))} -D {Quote(DataDirectory)} -U postgres --auth=trust -E UTF8 --no-locale --no-sync")], null, cancellationToken);

            // A throw-away server: durability settings off for speed, a socket in our folder, loopback only.
            var serverOptions = string.Join(' ',
                "-c listen_addresses=127.0.0.1", $"-p {port}", $"-k {_folder}", "-c max_connections=300",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
            await PostgresTools.RunAsync("/bin/sh", ["-c", AsServerUser(
                $"{Quote(Tool("pg_ctl"))} -D {Quote(DataDirectory)} -o {Quote(serverOptions)} -l {Quote(Path.Combine(_folder, "server.log"))} -w -t 60 start")],
                null, cancellationToken);
            StartWatchdog();
        }

        /// <summary>Stops the server and deletes its folder from a detached shell, without waiting for it.</summary>
        public void StopDetached() => RunDetached($"{StopCommand()}; rm -rf {Quote(_folder)}");

        // ProcessExit does not run when the test process is killed; this detached shell stops the server then.
        private void StartWatchdog() => RunDetached(
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {StopCommand()}; rm -rf {Quote(_folder)}");

        // setsid: the shell outlives the test process and its process group (Ctrl+C on dotnet test included).
        private static void RunDetached(string script)
        {
            string[] command = ["/bin/sh", "-c", "exec </dev/null >/dev/null 2>&1; " + script];
            var start = File.Exists("/usr/bin/setsid") || File.Exists("/bin/setsid")
                ? new ProcessStartInfo("setsid", command)
                : new ProcessStartInfo(command[0], command[1..]);
            start.UseShellExecute = false;
            using var process = Process.Start(start);
        }

        private string StopCommand() =>
            AsServerUser($"{Quote(Tool("pg_ctl"))} -D {Quote(DataDirectory)} -m immediate -w stop") + " || true";

        private string AsServerUser(string command) =>
            _asPostgresUser ? $"su postgres -s /bin/sh -c {Quote(command)}" : command;

        private string Tool(string name) => Path.Combine(_binDirectory, name);

        private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
