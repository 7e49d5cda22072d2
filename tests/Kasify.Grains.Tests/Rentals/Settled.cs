using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Storage;

namespace Kasify.Grains.Tests.Rentals;

/// <summary>Waits for what a change owes the grains that follow it (cleaning tasks, locks, reports, access snapshots) to be delivered.</summary>
internal static class Settled
{
    public static Task PropertySettledAsync(this IGrainFactory grains, Guid propertyId) =>
        Eventually.UntilAsync(
            () => grains.GetGrain<IPropertyGrain>(propertyId).GetUndeliveredCountAsync(),
            undelivered => undelivered == 0,
            TimeSpan.FromSeconds(20),
            "the property's outbox to be delivered");

    public static Task BookingsSettledAsync(this IGrainFactory grains, Guid propertyId) =>
        Eventually.UntilAsync(
            () => grains.GetGrain<IBookingCalendarGrain>(propertyId).GetUndeliveredCountAsync(),
            undelivered => undelivered == 0,
            TimeSpan.FromSeconds(20),
            "the booking calendar's outbox to be delivered");
}
