using Kasify.Chaos.Chaos;

namespace Kasify.Chaos.Measurement;

/// <summary>Prints the run's figures: operations/s and latency per kind, errors by status and phase, recovery per kill.</summary>
internal static class ChaosReport
{
    public static void PrintFigures(TextWriter log, IReadOnlyCollection<OperationSample> samples, TimeSpan duration, int skipped, IReadOnlyList<KillRecord> kills)
    {
        log.WriteLine();
        log.WriteLine($"figures: {samples.Count} operations in {duration.TotalSeconds:F0} s ({samples.Count / duration.TotalSeconds:F1}/s), {skipped} arrivals skipped at the in-flight limit");
        log.WriteLine($"  {"kind",-16} {"ops",6} {"ops/s",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}  statuses (steady | after kill)");
        foreach (var group in samples.GroupBy(sample => sample.Kind).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var sorted = group.Select(sample => sample.Milliseconds).Order().ToList();
            log.WriteLine(
                $"  {group.Key,-16} {sorted.Count,6} {sorted.Count / duration.TotalSeconds,7:F2} {Percentiles.Of(sorted, 50),8:F0} {Percentiles.Of(sorted, 95),8:F0} {Percentiles.Of(sorted, 99),8:F0}"
                + $"  {Statuses(group.Where(s => !s.AfterKill))} | {Statuses(group.Where(s => s.AfterKill))}");
        }

        foreach (var phase in new[] { false, true })
        {
            var inPhase = samples.Where(sample => sample.AfterKill == phase).ToList();
            var failed = inPhase.Count(sample => sample.Failed);
            log.WriteLine($"  {(phase ? "after kill" : "steady"),-10}: {inPhase.Count} operations, {failed} without a 2xx-4xx answer ({Statuses(inPhase.Where(s => s.Failed))})");
        }

        log.WriteLine($"kills (failures among requests started within {ChaosMonkey.AfterKillWindow.TotalSeconds:F0} s after each kill, or before the next one):");
        var ordered = kills.OrderBy(kill => kill.At).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var kill = ordered[i];
            var next = i + 1 < ordered.Count ? ordered[i + 1].At : duration;
            var windowEnd = kill.At + ChaosMonkey.AfterKillWindow < next ? kill.At + ChaosMonkey.AfterKillWindow : next;
            var inWindow = samples.Where(sample => sample.StartedAt >= kill.At && sample.StartedAt < windowEnd).ToList();
            var failed = inWindow.Where(sample => sample.Failed).ToList();
            var recovery = failed.Count == 0
                ? $"none of {inWindow.Count} failed"
                : $"{failed.Count} of {inWindow.Count} failed; the last failing one started +{(failed.Max(sample => sample.StartedAt) - kill.At).TotalSeconds:F1} s after the kill,"
                    + $" the last failure answered at +{(failed.Max(sample => sample.EndedAt) - kill.At).TotalSeconds:F1} s";
            var ready = kill.RestartReadyAfter is { } after ? $"restarted host ready after {after.TotalSeconds:F1} s" : "restarted host never ready";
            log.WriteLine($"  {kill.At.TotalSeconds,6:F1} s  {kill.Host,-6} {recovery}; {ready}");
        }
    }

    private static string Statuses(IEnumerable<OperationSample> samples) =>
        string.Join(' ', samples.GroupBy(sample => sample.Status).OrderBy(group => group.Key).Select(group => $"{group.Key}={group.Count()}"));
}
