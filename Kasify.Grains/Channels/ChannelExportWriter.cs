using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace Kasify.Grains.Channels;

/// <summary>
/// Writes a property's export calendar: every active stay ("Reserved") and block ("Not available") as an all-day event,
/// nothing else — no names, counts, channels or notes — so a channel importing it learns only which nights are taken.
/// </summary>
public static class ChannelExportWriter
{
    /// <summary>The calendar's product id.</summary>
    public const string ProductId = "-//Kasify//Channel export//EN";

    /// <summary>
    /// The iCal text. <paramref name="stamp"/> is every event's DTSTAMP: the time the exported content last changed, so the
    /// same content always writes the same bytes (and so the same ETag).
    /// </summary>
    public static string Write(IEnumerable<ExportedStay> stays, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(stays);
        var calendar = new IcalCalendar { ProductId = ProductId };
        calendar.AddProperty("X-PUBLISHED-TTL", "PT10M");
        var dtStamp = new CalDateTime(stamp.UtcDateTime.AddTicks(-(stamp.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)), "UTC");
        foreach (var stay in stays.OrderBy(stay => stay.From).ThenBy(stay => stay.BookingId))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{stay.BookingId:N}@kasify.app",
                Summary = stay.Blocked ? "Not available" : "Reserved",
                DtStart = new CalDateTime(stay.From),
                DtEnd = new CalDateTime(stay.To),
                DtStamp = dtStamp,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
