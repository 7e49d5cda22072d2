using System.Text;

namespace Kasify.Fakes.Channels;

/// <summary>Writes a feed's iCal text the way each channel writes its export.</summary>
public static class ChannelFeedWriter
{
    /// <summary>The TimeZone value that writes UTC times (<c>…Z</c>) instead of a TZID.</summary>
    public const string Utc = "UTC";

    /// <summary>Writes the calendar; <paramref name="stamp"/> is every event's DTSTAMP.</summary>
    public static string Write(ChannelFeedShape shape, IReadOnlyList<ChannelFakeEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new StringBuilder();
        Line(calendar, "BEGIN:VCALENDAR");
        foreach (var header in Header(shape))
        {
            Line(calendar, header);
        }

        foreach (var zone in events.Where(e => !e.AllDay && e.TimeZone is { } id && id != Utc).GroupBy(e => e.TimeZone!, StringComparer.Ordinal))
        {
            // One year either side: the observance in force at an event may have begun the year before, and
            // recurrences run on.
            var first = zone.Min(e => e.Start.Year) - 1;
            var last = zone.Max(e => e.End.Year) + 1;
            VTimeZoneWriter.Append(calendar, zone.Key, TimeZoneInfo.FindSystemTimeZoneById(zone.Key), first, last);
        }

        var dtstamp = "DTSTAMP:" + ICalendarText.UtcDateTime(stamp);
        foreach (var ev in events)
        {
            Line(calendar, "BEGIN:VEVENT");
            if (shape == ChannelFeedShape.Airbnb)
            {
                // Airbnb writes DTEND before DTSTART.
                Line(calendar, DateLine("DTEND", ev, ev.End, ev.EndTime));
                Line(calendar, DateLine("DTSTART", ev, ev.Start, ev.StartTime));
                Line(calendar, dtstamp);
                Line(calendar, "UID:" + ev.Uid);
            }
            else
            {
                Line(calendar, "UID:" + ev.Uid);
                Line(calendar, dtstamp);
                Line(calendar, DateLine("DTSTART", ev, ev.Start, ev.StartTime));
                Line(calendar, DateLine("DTEND", ev, ev.End, ev.EndTime));
            }

            if (ev.Rrule is { } rrule)
            {
                Line(calendar, "RRULE:" + rrule);
            }

            if (ev.Exdates.Count > 0)
            {
                Line(calendar, Exdate(ev));
            }

            if (Description(shape, ev) is { } description)
            {
                Line(calendar, "DESCRIPTION:" + ICalendarText.EscapeText(description));
            }

            Line(calendar, "SUMMARY:" + ICalendarText.EscapeText(Summary(shape, ev)));
            Line(calendar, "END:VEVENT");
        }

        Line(calendar, "END:VCALENDAR");
        return calendar.ToString();
    }

    /// <summary>A UID in the channel's style.</summary>
    public static string NewUid(ChannelFeedShape shape) => shape switch
    {
        ChannelFeedShape.Airbnb => $"{Hex(6)}-{Hex(16)}@airbnb.com",
        ChannelFeedShape.Booking => $"{Hex(16)}@booking.com",
        ChannelFeedShape.Vrbo => $"{Hex(16)}@vrbo.com",
        _ => $"{Guid.NewGuid():D}@kasify-fake.test",
    };

    private static string Hex(int bytes) => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes));

    private static string[] Header(ChannelFeedShape shape) => shape switch
    {
        ChannelFeedShape.Airbnb => ["PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN", "CALSCALE:GREGORIAN", "VERSION:2.0"],
        ChannelFeedShape.Booking => ["VERSION:2.0", "PRODID:-//Booking.com//NONSGML Calendar//EN", "METHOD:PUBLISH"],
        // VRBO leaves the comma of its PRODID unescaped.
        ChannelFeedShape.Vrbo => ["PRODID:-//HomeAway.com, Inc.//EN", "VERSION:2.0", "CALSCALE:GREGORIAN"],
        _ => ["VERSION:2.0", "PRODID:-//Kasify//Channel Calendar Fake//EN", "CALSCALE:GREGORIAN"],
    };

    private static string Summary(ChannelFeedShape shape, ChannelFakeEvent ev) => (shape, ev.Kind) switch
    {
        (ChannelFeedShape.Airbnb, ChannelEventKind.Stay) => "Reserved",
        (ChannelFeedShape.Airbnb, _) => "Airbnb (Not available)",
        (ChannelFeedShape.Booking, _) => "CLOSED - Not available",
        (ChannelFeedShape.Vrbo, ChannelEventKind.Stay) => "Reserved - " + (ev.GuestName ?? "Guest"),
        (ChannelFeedShape.Vrbo, _) => "Blocked",
        (_, ChannelEventKind.Stay) => ev.Summary ?? "Reserved",
        _ => ev.Summary ?? "Not available",
    };

    private static string? Description(ChannelFeedShape shape, ChannelFakeEvent ev) => shape switch
    {
        ChannelFeedShape.Airbnb when ev.Kind == ChannelEventKind.Stay && ev.ReservationCode is { } code =>
            "Reservation URL: https://www.airbnb.com/hosting/reservations/details/" + code
                + (ev.PhoneLast4 is { } phone ? "\nPhone Number (Last 4 Digits): " + phone : ""),
        ChannelFeedShape.Vrbo when ev.Kind == ChannelEventKind.Stay && ev.ReservationCode is { } code => "Reservation ID: " + code,
        ChannelFeedShape.Other => ev.Description,
        _ => null,
    };

    private static string DateLine(string name, ChannelFakeEvent ev, DateOnly date, TimeOnly time)
    {
        if (ev.AllDay)
        {
            return $"{name};VALUE=DATE:{ICalendarText.Date(date)}";
        }

        var local = date.ToDateTime(time);
        return ev.TimeZone switch
        {
            null => $"{name}:{ICalendarText.LocalDateTime(local)}",
            Utc => $"{name}:{ICalendarText.LocalDateTime(local)}Z",
            var zone => $"{name};TZID={zone}:{ICalendarText.LocalDateTime(local)}",
        };
    }

    private static string Exdate(ChannelFakeEvent ev)
    {
        if (ev.AllDay)
        {
            return "EXDATE;VALUE=DATE:" + string.Join(',', ev.Exdates.Select(ICalendarText.Date));
        }

        var values = string.Join(',', ev.Exdates.Select(d => ICalendarText.LocalDateTime(d.ToDateTime(ev.StartTime)) + (ev.TimeZone == Utc ? "Z" : "")));
        return ev.TimeZone is { } zone && zone != Utc ? $"EXDATE;TZID={zone}:{values}" : "EXDATE:" + values;
    }

    private static void Line(StringBuilder calendar, string line) => ICalendarText.AppendLine(calendar, line);
}
