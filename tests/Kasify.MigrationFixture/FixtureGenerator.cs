using System.Diagnostics;

namespace Kasify.MigrationFixture;

/// <summary>
/// Entry point. Usage: <c>dotnet run --project tests/Kasify.MigrationFixture -- [--provider sqlite|postgres|all] [--out folder]</c>;
/// the default folder is the API tests' <c>Migration/Fixtures</c>.
/// </summary>
internal static class FixtureGenerator
{
    public static async Task<int> Main(string[] args)
    {
        var root = FindRepository();
        var output = Option(args, "--out") ?? Path.Combine(root, "tests", "Kasify.Api.Tests", "Migration", "Fixtures");
        var providers = (Option(args, "--provider") ?? "all") switch
        {
            "sqlite" => [FixtureProvider.Sqlite],
            "postgres" => [FixtureProvider.Postgres],
            "all" => new[] { FixtureProvider.Sqlite, FixtureProvider.Postgres },
            var other => throw new ArgumentException($"--provider {other}: sqlite, postgres or all."),
        };

        var commit = await CommitAsync(root);
        foreach (var provider in providers)
        {
            await FixtureRun.WriteAsync(provider, Path.GetFullPath(output), commit);
            Console.WriteLine($"{provider}: fixture written to {Path.Combine(output, provider.ToString().ToLowerInvariant())}");
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kasify.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the generator from a build inside the repository.");
    }

    private static async Task<string?> CommitAsync(string root)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "rev-parse", "HEAD"]) { RedirectStandardOutput = true })!;
            var output = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
