using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Tests.Rentals;

internal static class PropertyBookingsExtensions
{
    /// <summary>The property's bookings through <paramref name="grains"/>.</summary>
    public static PropertyBookings Bookings(this IGrainFactory grains, IPropertyGrain property) => new(grains, property.GetPrimaryKey());
}
