namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>Where a booking came from. Wire values: airbnb, booking, vrbo, manual, other.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Bookings.BookingChannel")]
public enum BookingChannel
{
    /// <summary>Entered by the host in Kasify; the default when a request names no channel.</summary>
    Manual = 0,

    /// <summary>Airbnb.</summary>
    Airbnb = 1,

    /// <summary>Booking.com.</summary>
    Booking = 2,

    /// <summary>Vrbo.</summary>
    Vrbo = 3,

    /// <summary>Any other source (another portal, a direct website, the phone).</summary>
    Other = 4,
}
