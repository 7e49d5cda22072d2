using System.Collections.Immutable;
using System.Globalization;

namespace Kasify.Grains.Readiness;

/// <summary>
/// When arrivals are checked and how (configuration section <c>Kasify:Readiness</c>). The offsets are one string, e.g.
/// <c>48h,24h,2h</c> (units <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>), so an environment variable sets them all at once
/// and the configuration binder cannot append to a default list.
/// </summary>
public sealed class ReadinessOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Kasify:Readiness";

    /// <summary>How long before check-in each check runs, comma-separated (default <c>48h,24h,2h</c>).</summary>
    public string Offsets { get; set; } = "48h,24h,2h";

    /// <summary>At the first check, a battery below this charge (percent) is a warning.</summary>
    public int BatteryWarningPercent { get; set; } = 25;

    /// <summary>How soon a check pass that failed (a grain or vendor did not answer) is tried again; raised to the reminder minimum.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The offsets, longest first; throws <see cref="FormatException"/> when one cannot be read or is not positive.</summary>
    public ImmutableArray<TimeSpan> ParsedOffsets() =>
        [.. Offsets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).Distinct().OrderDescending()];

    /// <summary>A human name of an offset as the view shows it: <c>48h</c>, <c>90m</c>, <c>30s</c>.</summary>
    public static string Name(TimeSpan offset) =>
        offset.TotalHours == Math.Floor(offset.TotalHours) ? $"{offset.TotalHours:0}h"
        : offset.TotalMinutes == Math.Floor(offset.TotalMinutes) ? $"{offset.TotalMinutes:0}m"
        : $"{offset.TotalSeconds:0}s";

    private static TimeSpan Parse(string text)
    {
        var unit = text[^1];
        var span = unit switch
        {
            'd' or 'h' or 'm' or 's' when double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => unit switch
            {
                'd' => TimeSpan.FromDays(value),
                'h' => TimeSpan.FromHours(value),
                'm' => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromSeconds(value),
            },
            _ when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new FormatException($"Kasify:Readiness:Offsets: '{text}' is not a duration such as 48h, 90m or 30s."),
        };
        return span > TimeSpan.Zero ? span : throw new FormatException($"Kasify:Readiness:Offsets: '{text}' must be positive.");
    }
}
