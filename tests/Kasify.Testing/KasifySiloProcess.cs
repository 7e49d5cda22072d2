using System.Diagnostics;
using System.Text;

namespace Kasify.Testing;

/// <summary>
/// The built Kasify.Silo program (or another Kasify host, see <see cref="StartHost"/>) running as a child process
/// (<c>dotnet Kasify.Silo.dll</c>), configured through environment variables as in production. Its stdout and stderr
/// are collected into <see cref="Output"/>.
/// </summary>
public sealed class KasifySiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private KasifySiloProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the process printed so far, stdout and stderr interleaved by arrival.</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The operating system's id of the process, e.g. to read its <c>/proc/{id}/status</c>.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The process's exit code (throws while it runs).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Where the silo program was built: Kasify.Silo's own output for this test build's configuration.</summary>
    public static string FindSiloAssembly() => FindHostAssembly("Kasify.Silo");

    /// <summary>
    /// Where the Kasify host program <paramref name="project"/> (<c>Kasify.Silo</c>, <c>Kasify.Api</c>) was built: its
    /// own output for this test build's configuration.
    /// </summary>
    public static string FindHostAssembly(string project)
    {
        // Test output is <repo>/tests/<project>/bin/<Configuration>/<tfm>/; the host's is <repo>/<project>/bin/<Configuration>/<tfm>/.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Debug";
        for (var dir = testOutput; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, project, "bin", configuration, framework, project + ".dll");
            if (File.Exists(Path.Combine(dir.FullName, "Kasify.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{project}.dll ({configuration}/{framework}) not found above {testOutput.FullName}; build the solution first.");
    }

    /// <summary>
    /// Starts the silo program in <paramref name="workingDirectory"/> with the given environment variables (e.g.
    /// <c>Kasify__Storage__Mode</c>) added to this process's environment.
    /// </summary>
    public static KasifySiloProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        StartHost(FindSiloAssembly(), [], workingDirectory, environment);

    /// <summary>
    /// Starts a built host program (<see cref="FindHostAssembly"/>, e.g. the API with <c>--urls</c>) the same way: in
    /// <paramref name="workingDirectory"/>, with <paramref name="environment"/> added to this process's environment.
    /// </summary>
    public static KasifySiloProcess StartHost(
        string assembly, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet", [assembly, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new KasifySiloProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet."));
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails if the process exits first or time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || deadline.IsCancellationRequested)
            {
                var state = _process.HasExited ? $"exited with code {_process.ExitCode}" : $"did not print it within {timeout}";
                throw new TimeoutException($"The silo {state} before printing \"{text}\". Output:\n{Output}");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Asks the silo to shut down (SIGTERM, as a container stop does) and returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>
    /// Ends the process at once (SIGKILL on Linux), as a crash or an out-of-memory kill would: no shutdown code runs, so
    /// the cluster learns of the death only through its failure detection.
    /// </summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }
    }

    /// <summary>Kills the process if it still runs.</summary>
    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.AppendLine(line);
        }
    }
}
