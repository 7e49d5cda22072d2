using Ical.Net.DataTypes;

namespace Kasify.Grains.Channels;

/// <summary>
/// Turns iCal date or date-time values into the property's calendar days. The conversion is done here rather than by
/// Ical.Net because floating times must mean the property's zone, not the silo's.
/// </summary>
internal static class ChannelEventDates
{
    public static DateOnly LocalDate(CalDateTime value, TimeZoneInfo propertyZone)
    {
        if (!value.HasTime || value.IsFloating)
        {
            return value.Date;
        }

        var utc = value.IsUtc ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : ToUtc(value);

        // An unknown zone: channels write the property's own zone far more often than any other.
        return utc is { } instant ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(instant, propertyZone)) : value.Date;
    }

    /// <summary>The wall-clock end of a DURATION: days and weeks are nominal, hours and below exact (RFC 5545 3.3.6).</summary>
    public static CalDateTime AddDuration(CalDateTime start, Duration duration)
    {
        var sign = duration.Sign;
        var days = sign * (((duration.Weeks ?? 0) * 7) + (duration.Days ?? 0));
        var time = sign * new TimeSpan(duration.Hours ?? 0, duration.Minutes ?? 0, duration.Seconds ?? 0);
        if (!start.HasTime)
        {
            // A date-only start with an hour-based duration still ends on a later day only by whole days.
            return new CalDateTime(start.Date.AddDays(days + (int)Math.Floor(time.TotalDays)));
        }

        return new CalDateTime(start.Value.AddDays(days).Add(time), start.TzId, true);
    }

    private static DateTime? ToUtc(CalDateTime value)
    {
        var local = DateTime.SpecifyKind(value.Value, DateTimeKind.Unspecified);
        if (FindZone(value.TzId) is { } zone)
        {
            // A wall time skipped by a DST jump does not exist; an hour later does.
            return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
        }

        try
        {
            // Ical.Net knows more spellings of zone names (e.g. "US-Eastern", Outlook's long names).
            return value.AsUtc;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static TimeZoneInfo? FindZone(string? tzId)
    {
        var id = tzId?.Trim().TrimStart('/');
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
