namespace Kasify.Chaos.Measurement;

/// <summary>Nearest-rank percentiles of latency samples.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
