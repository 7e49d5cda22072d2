using System.Globalization;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>Reaches the yearly archive of a property's ended stays.</summary>
public static class BookingArchiveKeys
{
    /// <summary>The archive of <paramref name="propertyId"/>'s stays that left in <paramref name="year"/>.</summary>
    public static IBookingArchiveGrain For(IGrainFactory grains, Guid propertyId, int year)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IBookingArchiveGrain>(propertyId, year.ToString(CultureInfo.InvariantCulture), null);
    }
}
