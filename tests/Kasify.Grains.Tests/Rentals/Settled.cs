using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Tests.Storage;

namespace Kasify.Grains.Tests.Rentals;

/// <summary>Waits for what a booking change owes the grains that follow bookings (cleaning tasks, locks, reports) to be delivered.</summary>
internal static class Settled
{
    public static Task BookingsSettledAsync(this IGrainFactory grains, Guid propertyId) =>
        Eventually.UntilAsync(
            () => grains.GetGrain<IBookingCalendarGrain>(propertyId).GetUndeliveredCountAsync(),
            undelivered => undelivered == 0,
            TimeSpan.FromSeconds(20),
            "the booking calendar's outbox to be delivered");
}
