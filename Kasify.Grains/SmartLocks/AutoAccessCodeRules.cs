using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.SmartLocks;

/// <summary>
/// Which stays of a property with automatic access codes are owed their codes, and when: a stay is owed from its arrival
/// minus the lead time until it has codes on every lock or its departure has passed.
/// </summary>
internal static class AutoAccessCodeRules
{
    /// <summary>Stays owed codes now: active, not yet departed, arriving within the lead time, not yet served.</summary>
    public static IEnumerable<BookingChange> Due(
        IReadOnlyDictionary<Guid, BookingChange> bookings, IReadOnlySet<Guid> served, DateTimeOffset now, TimeSpan lead) =>
        Owed(bookings, served, now)
            .Where(booking => booking.ArrivalAt - lead <= now)
            .OrderBy(booking => booking.ArrivalAt);

    /// <summary>When the next stay becomes owed its codes (in the past when one already is); null when none ever will.</summary>
    public static DateTimeOffset? NextDueAt(
        IReadOnlyDictionary<Guid, BookingChange> bookings, IReadOnlySet<Guid> served, DateTimeOffset now, TimeSpan lead)
    {
        DateTimeOffset? next = null;
        foreach (var booking in Owed(bookings, served, now))
        {
            var dueAt = booking.ArrivalAt - lead;
            if (next is null || dueAt < next)
            {
                next = dueAt;
            }
        }

        return next;
    }

    // A block is never active here: BookingChange.Active is false for cancelled bookings and for closures alike.
    private static IEnumerable<BookingChange> Owed(IReadOnlyDictionary<Guid, BookingChange> bookings, IReadOnlySet<Guid> served, DateTimeOffset now) =>
        bookings.Values.Where(booking => booking.Active && booking.DepartureAt > now && !served.Contains(booking.BookingId));
}
