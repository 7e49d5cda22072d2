namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// Whether a booking holds its dates. Wire values: confirmed, cancelled. There is no tentative state: a booking either
/// blocks its dates or frees them.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Bookings.BookingStatus")]
public enum BookingStatus
{
    /// <summary>The stay takes place; its dates are blocked. The default on create.</summary>
    Confirmed = 0,

    /// <summary>The stay is off; its dates are free for other bookings.</summary>
    Cancelled = 1,
}
