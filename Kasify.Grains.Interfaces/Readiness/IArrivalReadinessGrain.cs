using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Bookings;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Readiness;

/// <summary>
/// Arrival readiness of one property. Key: property id. It follows the bookings the calendar delivers (one more receiver
/// of the calendar's outbox, idempotent by revision) and checks every upcoming arrival at fixed offsets before check-in
/// (<c>Kasify:Readiness:Offsets</c>, 48 h, 24 h and 2 h by default) from one reminder: locks online, batteries, the
/// guest's code on each lock, the cleaning before the arrival, check-in and SES. A failed lock check gets a maintenance
/// task, an activity entry, an email to the owner and managers and, where another lock is healthy, the guest's code on
/// that lock, each once and delivered from a stored outbox. It calls the property's locks, smart lock, tasks, booking,
/// activity feed and mail grains; none of them calls it.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Readiness.IArrivalReadinessGrain")]
public interface IArrivalReadinessGrain : IGrainWithGuidKey
{
    /// <summary>Takes booking changes (idempotent by revision): upcoming active stays are checked, others forgotten.</summary>
    [Alias("ApplyBookingChangesAsync")]
    Task ApplyBookingChangesAsync(ImmutableArray<BookingChange> changes);

    /// <summary>
    /// The booking's readiness as the caller may see it: owners and managers every check, staff and contractors the lock
    /// and cleaning checks. 404 <c>booking.not_found</c> without a role, <c>readiness.not_found</c> when the booking has no
    /// upcoming arrival here.
    /// </summary>
    [AlwaysInterleave, Alias("GetBookingReadinessAsync")]
    Task<ArrivalReadinessDto> GetBookingReadinessAsync(Guid callerId, Guid bookingId);

    /// <summary>The arrivals of the next <paramref name="days"/> days, by arrival, as the caller may see them; 404 without a role.</summary>
    [AlwaysInterleave, Alias("ListUpcomingAsync")]
    Task<ImmutableArray<ArrivalReadinessDto>> ListUpcomingAsync(Guid callerId, int days);

    /// <summary>How many outbox actions (tasks, mails, codes, feed entries) are still owed; for tests and health.</summary>
    [AlwaysInterleave, Alias("GetUndeliveredCountAsync")]
    Task<int> GetUndeliveredCountAsync();
}
