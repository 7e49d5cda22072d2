namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>What a booking list is ordered by. Wire values (query parameter <c>sortBy</c>): CHECKIN, CHECKOUT.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Bookings.BookingSort")]
public enum BookingSort
{
    /// <summary>By arrival instant; the default.</summary>
    Checkin = 0,

    /// <summary>By departure instant.</summary>
    Checkout = 1,
}
