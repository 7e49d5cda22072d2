using System.Globalization;

namespace Kasify.Load;

/// <summary>Prints throughput, latency percentiles and status counts, overall and per operation kind.</summary>
internal static class OperationReport
{
    /// <summary>Writes the figures and returns how many responses were 5xx or never arrived.</summary>
    public static int Print(IReadOnlyCollection<OperationSample> samples, double seconds, IEnumerable<string> kinds)
    {
        Console.WriteLine($"operations: {samples.Count}  statuses: {Statuses(samples)}");
        Console.WriteLine($"throughput: {samples.Count / seconds:F0} operations/s");
        Console.WriteLine($"latency ms: {Latencies(samples)}");
        foreach (var kind in kinds)
        {
            var ofKind = samples.Where(sample => sample.Kind == kind).ToArray();
            if (ofKind.Length == 0)
            {
                continue;
            }

            Console.WriteLine(
                $"  {kind,-7} {ofKind.Length,7} ops {ofKind.Length / seconds,7:F1}/s  {Latencies(ofKind)}  statuses: {Statuses(ofKind)}");
        }

        var failures = samples.Where(sample => sample.Status is 0 or >= 500).ToArray();
        if (failures.Length == 0)
        {
            Console.WriteLine("5xx: none");
        }
        else
        {
            var byKind = failures.GroupBy(sample => sample.Kind).Select(group => $"{group.Key} {group.Count()}");
            Console.WriteLine($"5xx OR NO RESPONSE: {failures.Length} ({string.Join(", ", byKind)})  <-- server errors, see the API and silo logs");
        }

        return failures.Length;
    }

    private static string Statuses(IEnumerable<OperationSample> samples) => string.Join(
        ' ',
        samples.GroupBy(sample => sample.Status).OrderBy(group => group.Key).Select(group =>
            $"{(group.Key == 0 ? "error" : group.Key.ToString(CultureInfo.InvariantCulture))}={group.Count()}"));

    private static string Latencies(IEnumerable<OperationSample> samples)
    {
        var sorted = samples.Select(sample => sample.Milliseconds).Order().ToArray();
        double Percentile(double p) => Percentiles.NearestRank(sorted, p);
        return $"p50 {Percentile(0.50),7:F2}  p95 {Percentile(0.95),7:F2}  p99 {Percentile(0.99),7:F2}  max {(sorted.Length == 0 ? 0 : sorted[^1]),7:F2}";
    }
}
