using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Rentals;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// A property's booking calendar. Key: property id. It holds a compact slot per booking (dates, status, channel; no
/// guest data) and decides every booking change one call at a time, so two requests can never both take the same nights;
/// each booking grain holds the whole booking. A change is stored with what it owes others (the booking grain's copy,
/// the locks' code windows, the cleaning task, the police report, the activity feed) in one write, and that outbox is
/// delivered at least once: the booking before the answer, the rest right after it, retried by timer and reminder.
/// Roles come from the property's pushed <see cref="PropertyAccess"/>: owners and managers read and write; staff read
/// without guest personal data; contractors get <c>booking.forbidden</c>. Stays that ended long ago move to yearly
/// archive grains (<see cref="IBookingArchiveGrain"/>) so this grain's row stays bounded; reads, overlap checks and
/// changes reach them when they concern those dates or bookings.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Bookings.IBookingCalendarGrain")]
public interface IBookingCalendarGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates a booking (owner or manager) with a new check-in code. An active booking whose nights overlap another
    /// active booking's is a 409 <c>booking.overlap</c> naming that booking; a guest leaving on the day the next arrives
    /// is no overlap.
    /// </summary>
    [Alias("CreateBookingAsync")]
    Task<BookingDto> CreateBookingAsync(Guid callerId, BookingDetails details);

    /// <summary>
    /// Applies one sync of a channel calendar: each event's booking is created, moved, blocked or cancelled through the
    /// same rules and outbox as a person's change (overlaps refused, reported per event). Applying the same import again
    /// changes nothing.
    /// </summary>
    [Alias("ImportFromChannelAsync")]
    Task<ImmutableArray<Channels.ChannelImportOutcome>> ImportFromChannelAsync(Channels.ChannelImport import);

    /// <summary>The nights held by the property's bookings and blocks that are not archived (recent and future ones).</summary>
    [ReadOnly, Alias("GetHeldDatesAsync")]
    Task<ImmutableArray<Channels.HeldDates>> GetHeldDatesAsync();

    /// <summary>One of the property's bookings as the caller may see it, or null when it is not this property's or the caller has no role.</summary>
    [ReadOnly, Alias("GetBookingAsync")]
    Task<BookingDto?> GetBookingAsync(Guid callerId, Guid bookingId);

    /// <summary>
    /// Merges a patch into a booking (owner or manager); <c>booking.not_found</c> when it is not this property's or the
    /// caller has no role. New dates, and a cancelled booking made active again, are checked for overlaps like a create;
    /// cancelling frees the dates.
    /// </summary>
    [Alias("UpdateBookingAsync")]
    Task<BookingDto> UpdateBookingAsync(Guid callerId, Guid bookingId, BookingPatch patch);

    /// <summary>One page of the property's bookings that match the query, in its order.</summary>
    [ReadOnly, Alias("ListBookingsAsync")]
    Task<Page<BookingDto>> ListBookingsAsync(Guid callerId, BookingQuery query, PageRequest page);

    /// <summary>
    /// For lists across properties: how many bookings match and the first <paramref name="limit"/> in the query's order.
    /// Nothing for a caller who may not see the property's bookings.
    /// </summary>
    [ReadOnly, Alias("FindBookingsAsync")]
    Task<BookingMatches> FindBookingsAsync(Guid callerId, BookingQuery query, int limit);

    /// <summary>The property's bookings among <paramref name="bookingIds"/>, as the caller may see them (none for contractors).</summary>
    [ReadOnly, Alias("GetBookingsAsync")]
    Task<ImmutableArray<BookingDto>> GetBookingsAsync(Guid callerId, ImmutableArray<Guid> bookingIds);

    /// <summary>
    /// The stay in progress now (arrival &lt;= now &lt; departure in the property's time zone), or null. When a late
    /// departure and an early arrival meet, the guest who arrived first is still the current one.
    /// </summary>
    [ReadOnly, Alias("GetCurrentBookingAsync")]
    Task<BookingDto?> GetCurrentBookingAsync(Guid callerId);

    /// <summary>
    /// The property's calendar for the window (defaults: today in the property's time zone to one month later, both
    /// included): one event per booking whose dates touch the window, cancelled ones left out. Contractors get no
    /// booking events; staff get no guest names. <c>property.not_found</c> when the caller has no role; a window
    /// ending before it starts or over <see cref="CalendarWindow.MaxDays"/> days is a field error.
    /// </summary>
    [ReadOnly, Alias("GetCalendarAsync")]
    Task<PropertyCalendar> GetCalendarAsync(Guid callerId, CalendarWindow window);

    /// <summary>For calendars across properties: as <see cref="GetCalendarAsync"/>, but null when the caller has no role.</summary>
    [ReadOnly, Alias("FindCalendarAsync")]
    Task<PropertyCalendar?> FindCalendarAsync(Guid callerId, CalendarWindow window);

    /// <summary>
    /// Arrivals and departures of active bookings on today and the <paramref name="days"/> - 1 days after, in the
    /// property's time zone, ordered by instant. Nothing for contractors or callers without a role.
    /// </summary>
    [ReadOnly, Alias("GetUpcomingAsync")]
    Task<ImmutableArray<TimelineEvent>> GetUpcomingAsync(Guid callerId, int days);

    /// <summary>
    /// How many deliveries the outbox still owes (booking writes, booking changes, report wake-ups, facts, feed entries):
    /// zero once everything the calendar accepted has reached every grain that follows it.
    /// </summary>
    [ReadOnly, Alias("GetUndeliveredCountAsync")]
    Task<int> GetUndeliveredCountAsync();

    /// <summary>
    /// Moves the stays that left long enough ago (90 days by default) to the archive of their departure year now; the
    /// calendar also does this right after activating, daily, and soon after accepting such a stay. Returns how many
    /// moved. Reads, changes and limits answer the same before and after: only the calendar's own row shrinks.
    /// </summary>
    [Alias("ArchiveEndedStaysAsync")]
    Task<int> ArchiveEndedStaysAsync();

    /// <summary>Takes a newer version of the property's access snapshot; older ones are ignored.</summary>
    [Alias("ApplyAccessAsync")]
    Task ApplyAccessAsync(PropertyAccess access);

    /// <summary>Erases every booking of the property with its guests' data (the property is being deleted).</summary>
    [Alias("EraseAllAsync")]
    Task EraseAllAsync();

    /// <summary>Makes sure the bookings a property stored in its own row before the calendar had a grain of its own are taken over.</summary>
    [Alias("EnsureMigratedAsync")]
    Task EnsureMigratedAsync();
}
