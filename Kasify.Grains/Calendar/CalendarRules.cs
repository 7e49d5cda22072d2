using System.Collections.Immutable;
using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Calendar;

/// <summary>Which bookings a calendar window and the upcoming timeline show, and how each role sees them; independent of Orleans.</summary>
internal static class CalendarRules
{
    /// <summary>Today's date in the property's time zone.</summary>
    public static DateOnly Today(PropertySchedule schedule, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone)).DateTime);

    /// <summary>
    /// Fills the window's defaults (from: today; to: one month after from) and checks it: to not before from, at most
    /// <see cref="CalendarWindow.MaxDays"/> days, both ends included. Broken rules are field errors on <c>to</c>.
    /// </summary>
    public static (DateOnly From, DateOnly To) Resolve(CalendarWindow window, DateOnly today)
    {
        var from = window.From ?? today;
        var to = window.To ?? from.AddMonths(1);
        var error = to < from ? "Must be on or after from."
            : to.DayNumber - from.DayNumber + 1 > CalendarWindow.MaxDays ? $"The window may cover at most {CalendarWindow.MaxDays} days."
            : null;
        if (error is not null)
        {
            throw new RequestValidationException(
                "validation.failed", "The calendar window is invalid.", ImmutableDictionary<string, string[]>.Empty.Add("to", [error]));
        }

        return (from, to);
    }

    /// <summary>
    /// One event per active booking whose days (arrival through departure, both included) touch the window, by arrival.
    /// Contractors see no bookings; only owners and managers see the guest's name.
    /// </summary>
    public static ImmutableArray<CalendarEvent> Events(
        IReadOnlyDictionary<Guid, BookingDetails> bookings, Guid propertyId, PropertySchedule schedule, DateOnly from, DateOnly to, AccessLevel role)
    {
        if (!BookingAccess.CanRead(role))
        {
            return [];
        }

        var seesGuest = BookingAccess.SeesGuestData(role);
        return
        [
            .. bookings
                .Where(entry => entry.Value.IsActive && entry.Value.From <= to && entry.Value.To >= from)
                .Select(entry =>
                {
                    var booking = entry.Value;
                    var guest = seesGuest ? GuestName(booking) : null;
                    return new CalendarEvent(
                        CalendarEventType.Booking,
                        propertyId,
                        entry.Key,
                        TaskId: null,
                        booking.From,
                        booking.To,
                        BookingRules.ArrivalAt(booking, schedule),
                        BookingRules.DepartureAt(booking, schedule),
                        booking.Status == BookingStatus.Blocked ? $"Blocked ({Describe(booking)})" : guest ?? $"Booking ({Describe(booking)})",
                        booking.Status,
                        booking.Channel,
                        booking.GuestsNumber,
                        guest);
                })
                .OrderBy(calendarEvent => calendarEvent.StartAt)
                .ThenBy(calendarEvent => calendarEvent.BookingId),
        ];
    }

    /// <summary>
    /// Arrivals and departures of active bookings on the <paramref name="days"/> days from <paramref name="today"/>, by
    /// instant. Contractors see none; only owners and managers see the guest's name.
    /// </summary>
    public static ImmutableArray<TimelineEvent> Upcoming(
        IReadOnlyDictionary<Guid, BookingDetails> bookings,
        Guid propertyId,
        string propertyName,
        PropertySchedule schedule,
        DateOnly today,
        int days,
        AccessLevel role)
    {
        if (!BookingAccess.CanRead(role) || days < 1)
        {
            return [];
        }

        var last = today.AddDays(days - 1);
        var seesGuest = BookingAccess.SeesGuestData(role);
        var events = new List<TimelineEvent>();
        foreach (var (id, booking) in bookings)
        {
            if (!booking.IsStay)
            {
                continue;
            }

            var guest = seesGuest ? GuestName(booking) : null;
            if (booking.From >= today && booking.From <= last)
            {
                events.Add(new TimelineEvent(
                    booking.From, TimelineEventType.Arrival, BookingRules.ArrivalAt(booking, schedule), propertyId, propertyName, id, null, booking.Channel, booking.GuestsNumber, guest));
            }

            if (booking.To >= today && booking.To <= last)
            {
                events.Add(new TimelineEvent(
                    booking.To, TimelineEventType.Departure, BookingRules.DepartureAt(booking, schedule), propertyId, propertyName, id, null, booking.Channel, booking.GuestsNumber, guest));
            }
        }

        return [.. events.OrderBy(item => item.At).ThenBy(item => item.Type).ThenBy(item => item.BookingId)];
    }

    /// <summary>Channel and head count, the booking's description free of personal data: "airbnb, 3 guests".</summary>
    public static string Describe(BookingDetails booking) =>
        $"{BookingChannelName(booking.Channel)}, {booking.GuestsNumber} {(booking.GuestsNumber == 1 ? "guest" : "guests")}";

    private static string BookingChannelName(BookingChannel channel) => channel.ToString().ToLowerInvariant();

    private static string? GuestName(BookingDetails booking)
    {
        var name = string.Join(' ', new[] { booking.GuestFirstName, booking.GuestLastName }.Where(part => part is not null));
        return name.Length == 0 ? null : name;
    }
}
