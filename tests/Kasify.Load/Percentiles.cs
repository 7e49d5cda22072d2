namespace Kasify.Load;

/// <summary>Percentiles of latencies by the nearest-rank method: the smallest sample that at least p of the samples do not exceed.</summary>
internal static class Percentiles
{
    /// <summary>The nearest-rank <paramref name="p"/> (0 &lt; p &lt;= 1) of <paramref name="sorted"/> (ascending); 0 when there are no samples.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
