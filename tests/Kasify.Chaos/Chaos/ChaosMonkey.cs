using System.Diagnostics;
using Kasify.Chaos.Cluster;
using Kasify.Chaos.Options;

namespace Kasify.Chaos.Chaos;

/// <summary>
/// Kills hosts while the workload runs: a random silo every <see cref="ChaosOptions.KillEvery"/> (SIGKILL, then started
/// again on the same ports at once, as an orchestrator restarts a crashed container), and once, half way through, an API
/// host (restarted a few seconds later).
/// </summary>
internal sealed class ChaosMonkey(ChaosCluster cluster, ChaosOptions options, Stopwatch clock, TextWriter log)
{
    /// <summary>Requests started this long after a kill count as "after kill".</summary>
    public static readonly TimeSpan AfterKillWindow = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan ApiDownTime = TimeSpan.FromSeconds(3);
    private readonly Lock _gate = new();
    private readonly List<KillRecord> _kills = [];
    private TimeSpan? _lastKill;

    public IReadOnlyList<KillRecord> Kills
    {
        get
        {
            lock (_gate)
            {
                return [.. _kills];
            }
        }
    }

    /// <summary>True when a host was killed within <see cref="AfterKillWindow"/> before <paramref name="at"/>.</summary>
    public bool IsAfterKill(TimeSpan at)
    {
        lock (_gate)
        {
            return _lastKill is { } last && at >= last && at - last < AfterKillWindow;
        }
    }

    public async Task RunAsync(TimeSpan until, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        // Half way, shifted off the silo kill schedule so the two kills are told apart in the figures.
        var apiKillAt = !options.KillApiHost ? TimeSpan.MaxValue
            : options.KillEvery > TimeSpan.Zero && until / 2 + options.KillEvery / 3 < until ? until / 2 + options.KillEvery / 3
            : until / 2;
        var nextSiloKill = options.KillEvery > TimeSpan.Zero ? options.KillEvery : TimeSpan.MaxValue;
        var restarts = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = nextSiloKill < apiKillAt ? nextSiloKill : apiKillAt;
            if (next >= until)
            {
                break;
            }

            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            if (next == apiKillAt)
            {
                apiKillAt = TimeSpan.MaxValue;
                var api = cluster.Apis[random.Next(cluster.Apis.Count)];
                var url = cluster.ApiUrls[cluster.Apis.ToList().IndexOf(api)];
                restarts.Add(KillAndRestartAsync(api, ApiDownTime, () => ChaosCluster.WaitUntilReadyAsync(url, TimeSpan.FromSeconds(90))));
            }
            else
            {
                nextSiloKill += options.KillEvery;
                var silo = cluster.Silos[random.Next(cluster.Silos.Count)];
                restarts.Add(KillAndRestartAsync(silo, TimeSpan.Zero, () => WaitForSiloAsync(silo)));
            }
        }

        await Task.WhenAll(restarts);
    }

    private static async Task<TimeSpan?> WaitForSiloAsync(ChaosHost silo)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await silo.Current.WaitForOutputAsync("Kasify silo started", TimeSpan.FromSeconds(90));
            return clock.Elapsed;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private async Task KillAndRestartAsync(ChaosHost host, TimeSpan downTime, Func<Task<TimeSpan?>> waitUntilReady)
    {
        var at = clock.Elapsed;
        host.Kill();
        lock (_gate)
        {
            _lastKill = at;
        }

        log.WriteLine($"chaos: {at.TotalSeconds,6:F1} s  killed {host.Name} ({DateTimeOffset.UtcNow:HH:mm:ss.f} UTC)");
        await Task.Delay(downTime);
        host.Start();
        var ready = await waitUntilReady();
        var readyAfter = ready is { } r ? clock.Elapsed - at : (TimeSpan?)null;
        lock (_gate)
        {
            _kills.Add(new KillRecord(host.Name, at, readyAfter));
        }

        log.WriteLine($"chaos: {clock.Elapsed.TotalSeconds,6:F1} s  {host.Name} {(ready is null ? "did NOT come back" : $"back, ready {readyAfter!.Value.TotalSeconds:F1} s after the kill")}");
    }
}
