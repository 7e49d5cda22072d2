using System.Globalization;
using Kasify.Testing;

namespace Kasify.Chaos.Cluster;

/// <summary>
/// One Kasify host of the run (a silo or an API process) with what it takes to start it again the same way: the same
/// assembly, arguments, environment and therefore ports. Every process it ran is kept until the end, so the logs of the
/// killed ones can be saved as evidence.
/// </summary>
internal sealed class ChaosHost(string name, string assembly, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    : IAsyncDisposable
{
    private readonly List<KasifySiloProcess> _generations = [];

    public string Name { get; } = name;

    public KasifySiloProcess Current => _generations.Count > 0 ? _generations[^1] : throw new InvalidOperationException($"{Name} never started.");

    public bool IsRunning => _generations.Count > 0 && !Current.HasExited;

    public void Start() =>
        _generations.Add(KasifySiloProcess.StartHost(assembly, arguments, Path.GetDirectoryName(assembly)!, environment));

    public void Kill() => Current.Kill();

    /// <summary>Resident memory of the running process in KiB, from <c>/proc/{pid}/status</c> (null when not readable).</summary>
    public long? ResidentKib()
    {
        if (!IsRunning)
        {
            return null;
        }

        try
        {
            var line = File.ReadLines($"/proc/{Current.ProcessId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var digits = line?["VmRSS:".Length..].Trim().Split(' ')[0];
            return digits is null ? null : long.Parse(digits, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Writes each process's output to <c>{folder}/{name}-{n}.log</c>.</summary>
    public void SaveLogs(string folder)
    {
        for (var i = 0; i < _generations.Count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"{Name}-{i + 1}.log"), _generations[i].Output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _generations)
        {
            await process.DisposeAsync();
        }
    }
}
