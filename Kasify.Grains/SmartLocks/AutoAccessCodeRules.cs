using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.SmartLocks;

/// <summary>
/// Which stays of a property with automatic access codes are owed their codes, and when: a stay is owed from its arrival
/// minus the lead time until it has codes on every lock or its departure has passed.
/// </summary>
internal static class AutoAccessCodeRules
{
    /// <summary>Orleans refuses reminder due times beyond about 49 days; a stay further away is looked at again after this.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

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

    /// <summary>
    /// When the reminder should wake the grain: a retry period from now while a stay is owed (the timer's pass may be lost
    /// with the silo), else when the next stay becomes owed, but never later than <see cref="LongestWait"/> from now.
    /// </summary>
    public static DateTimeOffset WakeAt(DateTimeOffset nextDueAt, DateTimeOffset now, TimeSpan retryPeriod) =>
        nextDueAt <= now ? now + retryPeriod : (nextDueAt - now > LongestWait ? now + LongestWait : nextDueAt);

    // A block is never active here: BookingChange.Active is false for cancelled bookings and for closures alike.
    private static IEnumerable<BookingChange> Owed(IReadOnlyDictionary<Guid, BookingChange> bookings, IReadOnlySet<Guid> served, DateTimeOffset now) =>
        bookings.Values.Where(booking => booking.Active && booking.DepartureAt > now && !served.Contains(booking.BookingId));
}
