using System.Globalization;

namespace Kasify.Load;

/// <summary>What one measured stretch of requests gave: how long it ran, each request's latency (sorted) and the statuses (0: no answer).</summary>
internal sealed record Measurement(double Seconds, double[] SortedMilliseconds, IReadOnlyDictionary<int, int> Statuses)
{
    public int Count => SortedMilliseconds.Length;

    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;

    public double Percentile(double p) => Percentiles.NearestRank(SortedMilliseconds, p);

    public double Max => Count == 0 ? 0 : SortedMilliseconds[^1];

    /// <summary>How many answers were not <paramref name="expected"/>.</summary>
    public int Unexpected(int expected) => Statuses.Where(entry => entry.Key != expected).Sum(entry => entry.Value);

    /// <summary>Statuses as <c>200=1234 429=5 error=1</c>.</summary>
    public string StatusText => Statuses.Count == 0
        ? "none"
        : string.Join(' ', Statuses.OrderBy(entry => entry.Key).Select(entry =>
            $"{(entry.Key == 0 ? "error" : entry.Key.ToString(CultureInfo.InvariantCulture))}={entry.Value}"));

    /// <summary>Several stretches of the same target as one: their times, samples and statuses added up.</summary>
    public static Measurement Combine(IReadOnlyCollection<Measurement> parts) => new(
        parts.Sum(part => part.Seconds),
        [.. parts.SelectMany(part => part.SortedMilliseconds).Order()],
        parts.SelectMany(part => part.Statuses).GroupBy(entry => entry.Key).ToDictionary(group => group.Key, group => group.Sum(entry => entry.Value)));
}
