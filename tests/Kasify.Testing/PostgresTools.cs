using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Kasify.Testing;

/// <summary>
/// The machine's PostgreSQL programs (initdb, pg_ctl, pg_dump, psql), found on PATH or in the Debian layout
/// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (newest version first), and the dump and restore of one database
/// through them.
/// </summary>
public static class PostgresTools
{
    /// <summary>What to do when the programs are missing.</summary>
    public const string InstallHint =
        "PostgreSQL binaries were not found on PATH or in /usr/lib/postgresql/*/bin. Install them (apt-get install postgresql) or set "
        + PostgresServer.ConnectionStringVariable + " to the connection string of a server the tests may create databases on "
        + "(dumps and restores still need pg_dump and psql).";

    // psql meta-commands that pg_dump 15.14, 16.10, 17.6 and later write around a plain dump; older psql rejects them.
    private static readonly string[] RestrictCommands = ["\\restrict ", "\\unrestrict "];

    /// <summary>The folder holding all of <paramref name="tools"/>, or null when there is none.</summary>
    public static string? FindDirectory(params string[] tools)
    {
        bool HoldsAll(string dir) => tools.All(tool => File.Exists(Path.Combine(dir, tool)));

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var onPath = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(HoldsAll);
        if (onPath is not null)
        {
            return onPath;
        }

        const string debianRoot = "/usr/lib/postgresql";
        return !Directory.Exists(debianRoot)
            ? null
            : Directory.GetDirectories(debianRoot)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(HoldsAll)
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault();
    }

    /// <summary>
    /// Writes the database of <paramref name="connectionString"/> to <paramref name="file"/> as a plain SQL script without
    /// owner or privilege statements, so it restores into any empty database whatever its user; the <c>\restrict</c>
    /// lines newer pg_dump versions add are left out, so psql of any version can run it.
    /// </summary>
    public static async Task DumpAsync(string connectionString, string file, CancellationToken cancellationToken = default)
    {
        var raw = file + ".raw";
        await RunAsync(Tool("pg_dump"), [.. ConnectionArguments(connectionString), "--format=plain", "--no-owner", "--no-privileges", "--file", raw],
            PasswordEnvironment(connectionString), cancellationToken);
        var lines = (await File.ReadAllLinesAsync(raw, cancellationToken))
            .Where(line => !RestrictCommands.Any(command => line.StartsWith(command, StringComparison.Ordinal)));
        await File.WriteAllTextAsync(file, string.Join('\n', lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Delete(raw);
    }

    /// <summary>Runs the SQL script <paramref name="file"/> against the database of <paramref name="connectionString"/>; stops at the first error.</summary>
    public static Task RestoreAsync(string connectionString, string file, CancellationToken cancellationToken = default) =>
        RunAsync(Tool("psql"), [.. ConnectionArguments(connectionString), "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--file", file],
            PasswordEnvironment(connectionString), cancellationToken);

    /// <summary>Runs a program to its end; a non-zero exit code throws with what it printed.</summary>
    internal static async Task RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', start.ArgumentList)} failed with exit code {process.ExitCode}: {await error}{await output}");
        }
    }

    private static string Tool(string name) =>
        Path.Combine(FindDirectory(name) ?? throw new InvalidOperationException(InstallHint), name);

    private static string[] ConnectionArguments(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return
        [
            "--host", builder.Host ?? "127.0.0.1",
            "--port", builder.Port.ToString(CultureInfo.InvariantCulture),
            "--username", builder.Username ?? "postgres",
            "--dbname", builder.Database ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString)),
        ];
    }

    private static Dictionary<string, string> PasswordEnvironment(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Password is { Length: > 0 } password
            ? new Dictionary<string, string> { ["PGPASSWORD"] = password }
            : [];
}
