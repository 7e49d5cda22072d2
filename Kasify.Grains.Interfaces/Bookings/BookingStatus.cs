namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// Whether a booking holds its dates. Wire values: confirmed, cancelled, blocked. There is no tentative state: a booking
/// either holds its dates or frees them. A blocked one holds them without a stay (a channel's closure, the owner's own
/// use): it counts for overlaps and shows in the calendar, and gets no cleaning, access codes, check-in or police report.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Bookings.BookingStatus")]
public enum BookingStatus
{
    /// <summary>The stay takes place; its dates are blocked. The default on create.</summary>
    Confirmed = 0,

    /// <summary>The stay is off; its dates are free for other bookings.</summary>
    Cancelled = 1,

    /// <summary>The dates are closed without a stay: a channel's "not available" closure or the owner's own block.</summary>
    Blocked = 2,
}
