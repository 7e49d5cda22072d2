using System.Text;

namespace Kasify.Fakes.Channels;

/// <summary>
/// Writes a VTIMEZONE for an IANA zone from the system's zone data: one STANDARD or DAYLIGHT observance per
/// transition in the years the events need (each with its own DTSTART, no RRULE), or a single fixed STANDARD
/// observance for a zone without transitions.
/// </summary>
internal static class VTimeZoneWriter
{
    public static void Append(StringBuilder calendar, string tzid, TimeZoneInfo zone, int firstYear, int lastYear)
    {
        ICalendarText.AppendLine(calendar, "BEGIN:VTIMEZONE");
        ICalendarText.AppendLine(calendar, "TZID:" + tzid);
        var transitions = Enumerable.Range(firstYear, lastYear - firstYear + 1).SelectMany(year => Transitions(zone, year)).ToList();
        if (transitions.Count == 0)
        {
            var offset = zone.GetUtcOffset(new DateTime(firstYear, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            AppendObservance(calendar, daylight: false, new DateTime(1970, 1, 1), offset, offset);
        }

        foreach (var (instant, from, to, daylight) in transitions)
        {
            // An observance starts at the local wall time of the offset it replaces (RFC 5545 §3.6.5).
            AppendObservance(calendar, daylight, instant.UtcDateTime + from, from, to);
        }

        ICalendarText.AppendLine(calendar, "END:VTIMEZONE");
    }

    private static void AppendObservance(StringBuilder calendar, bool daylight, DateTime localStart, TimeSpan from, TimeSpan to)
    {
        var name = daylight ? "DAYLIGHT" : "STANDARD";
        ICalendarText.AppendLine(calendar, "BEGIN:" + name);
        ICalendarText.AppendLine(calendar, "DTSTART:" + ICalendarText.LocalDateTime(localStart));
        ICalendarText.AppendLine(calendar, "TZOFFSETFROM:" + ICalendarText.Offset(from));
        ICalendarText.AppendLine(calendar, "TZOFFSETTO:" + ICalendarText.Offset(to));
        ICalendarText.AppendLine(calendar, "END:" + name);
    }

    // Zone data is read by probing offsets hour by hour, then minute by minute around a change: simpler than
    // interpreting adjustment rules, and exact for every zone whose transitions fall on whole minutes.
    private static IEnumerable<(DateTimeOffset Instant, TimeSpan From, TimeSpan To, bool Daylight)> Transitions(TimeZoneInfo zone, int year)
    {
        var probe = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = probe.AddYears(1);
        var offset = zone.GetUtcOffset(probe);
        while (probe < end)
        {
            var next = probe.AddHours(1);
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset != offset)
            {
                var instant = probe.AddMinutes(1);
                while (zone.GetUtcOffset(instant) == offset)
                {
                    instant = instant.AddMinutes(1);
                }

                yield return (instant, offset, nextOffset, zone.IsDaylightSavingTime(instant));
                offset = nextOffset;
            }

            probe = next;
        }
    }
}
