using System.Globalization;
using Kasify.Grains.Calendar;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Activity;

/// <summary>
/// The feed entries a booking change produces. Summaries name dates, channel and head count only, never the guest's
/// name, contacts or the free texts, so every member of the property may read them.
/// </summary>
internal static class BookingActivity
{
    public static ActivityEntry Created(Guid propertyId, Guid bookingId, Guid? actorId, BookingDetails booking, DateTimeOffset now) =>
        new(Guid.NewGuid(), propertyId, ActivityKind.BookingCreated, now, bookingId, actorId, booking.Status == BookingStatus.Blocked
            ? $"Dates {Dates(booking.From, booking.To)} blocked ({CalendarRules.Describe(booking)})"
            : $"Booking {Dates(booking.From, booking.To)} created ({CalendarRules.Describe(booking)})");

    /// <summary>The entry for an update, or null when nothing changed.</summary>
    public static ActivityEntry? Changed(Guid propertyId, Guid bookingId, Guid? actorId, BookingDetails before, BookingDetails after, DateTimeOffset now)
    {
        if (before == after)
        {
            return null;
        }

        var (kind, summary) = (before.IsActive, after.IsActive) switch
        {
            (true, false) => (ActivityKind.BookingCancelled, $"Booking {Dates(after.From, after.To)} cancelled ({CalendarRules.Describe(after)})"),
            (false, true) => (ActivityKind.BookingChanged, $"Booking {Dates(after.From, after.To)} reinstated ({CalendarRules.Describe(after)})"),
            _ when before.From != after.From || before.To != after.To =>
                (ActivityKind.BookingChanged, $"Booking moved to {Dates(after.From, after.To)} (was {Dates(before.From, before.To)}; {CalendarRules.Describe(after)})"),
            _ => (ActivityKind.BookingChanged, $"Booking {Dates(after.From, after.To)} changed ({CalendarRules.Describe(after)})"),
        };
        return new ActivityEntry(Guid.NewGuid(), propertyId, kind, now, bookingId, actorId, summary);
    }

    /// <summary>A stay's dates, as short as is unambiguous: "12–15 Mar 2027", "28 Feb – 3 Mar 2027", "30 Dec 2026 – 2 Jan 2027".</summary>
    public static string Dates(DateOnly from, DateOnly to)
    {
        var culture = CultureInfo.InvariantCulture;
        if (from.Year != to.Year)
        {
            return $"{from.ToString("d MMM yyyy", culture)} – {to.ToString("d MMM yyyy", culture)}";
        }

        return from.Month != to.Month
            ? $"{from.ToString("d MMM", culture)} – {to.ToString("d MMM yyyy", culture)}"
            : $"{from.Day.ToString(culture)}–{to.ToString("d MMM yyyy", culture)}";
    }
}
