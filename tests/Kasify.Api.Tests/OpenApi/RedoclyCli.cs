using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Kasify.Api.Tests.OpenApi;

/// <summary>
/// The Redocly CLI pinned by <c>tests/openapi-lint/package.json</c> and <c>package-lock.json</c>, installed into that folder
/// with <c>npm ci</c> the first time a test needs it, so a fresh clone needs nothing but Node.js and npm.
/// </summary>
/// <remarks>
/// A lock file serialises the install between test processes (several test runs may share a clone); a stamp holding the
/// hash of <c>package-lock.json</c> makes a changed pin install again, and an unchanged one cost nothing.
/// </remarks>
internal static class RedoclyCli
{
    private const string FolderName = "openapi-lint";
    private const string StampName = ".kasify-package-lock.sha256";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(2);
    private static readonly Version MinimumNode = new(20, 19);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private const string MissingNode =
        "The OpenAPI lint test runs the Redocly CLI, which needs Node.js 20.19 or later and npm on the PATH. "
        + "Install them (for example `apt-get install nodejs npm`, or the packages from nodejs.org) and run the tests again.";

    /// <summary>Lints <paramref name="documentPath"/> with <c>tests/openapi-lint/redocly.yaml</c> and returns every problem reported.</summary>
    public static async Task<IReadOnlyList<RedoclyProblem>> LintAsync(string documentPath)
    {
        var folder = FindFolder();
        await EnsureInstalledAsync(folder);

        var cli = Path.Combine(folder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        var result = await RunAsync(
            "node",
            [cli, "lint", documentPath, "--config", Path.Combine(folder, "redocly.yaml"), "--format", "json", "--max-problems", "1000"],
            folder,
            LintTimeout);

        // Exit code 1 only means errors were found; the report is on standard output either way.
        var start = result.Output.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            Assert.Fail($"redocly lint gave no report (exit code {result.ExitCode}).\n{result.Error}");
        }

        using var report = JsonDocument.Parse(result.Output[start..]);
        return [.. report.RootElement.GetProperty("problems").EnumerateArray().Select(RedoclyProblem.From)];
    }

    private static async Task EnsureInstalledAsync(string folder)
    {
        await CheckNodeAsync(folder);
        var expected = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "package-lock.json"))));
        var stamp = Path.Combine(folder, "node_modules", StampName);
        if (IsInstalled(stamp, expected))
        {
            return;
        }

        await InstallGate.WaitAsync();
        try
        {
            await using var installLock = await AcquireInstallLockAsync(Path.Combine(folder, ".npm-install.lock"));
            if (IsInstalled(stamp, expected))
            {
                return;
            }

            var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], folder, InstallTimeout);
            if (install.ExitCode != 0)
            {
                Assert.Fail($"`npm ci` in {folder} failed with exit code {install.ExitCode}.\n{install.Output}\n{install.Error}");
            }

            await File.WriteAllTextAsync(stamp, expected);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static bool IsInstalled(string stamp, string expected) =>
        File.Exists(stamp) && File.ReadAllText(stamp).Trim() == expected;

    private static async Task CheckNodeAsync(string folder)
    {
        var node = await RunAsync("node", ["--version"], folder, TimeSpan.FromSeconds(30));
        if (node.ExitCode != 0 || !Version.TryParse(node.Output.Trim().TrimStart('v'), out var version) || version < MinimumNode)
        {
            Assert.Fail($"{MissingNode} Found: node {node.Output.Trim()}");
        }

        var npm = await RunAsync("npm", ["--version"], folder, TimeSpan.FromSeconds(30));
        if (npm.ExitCode != 0)
        {
            Assert.Fail(MissingNode);
        }
    }

    // Held open without sharing, the file is a lock across processes (an advisory lock on Unix): another test process waits
    // here until the install is done. It is never deleted, since a process may be waiting on the file being deleted.
    private static async Task<FileStream> AcquireInstallLockAsync(string path)
    {
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", FolderName);
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No tests/{FolderName}/package.json above {AppContext.BaseDirectory}.");
    }

    private static async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No usage reports and no update checks: the test must not depend on reaching Redocly's servers.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        }
        catch (Win32Exception)
        {
            Assert.Fail($"{MissingNode} `{fileName}` was not found.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cancellation = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"`{fileName} {string.Join(' ', arguments)}` did not finish within {timeout}.");
            }

            return new ProcessResult(process.ExitCode, await output, await error);
        }
    }

    private sealed record ProcessResult(int ExitCode, string Output, string Error);
}
