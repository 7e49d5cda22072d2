namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// One stay at a property. Key: booking id. The property grain owns the booking's dates and decides every change:
/// apart from <see cref="GetPropertyIdAsync"/>, only the property grain calls this grain, after it has checked the
/// caller's role and the calendar. This grain never calls the property grain, so call chains stay acyclic.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Bookings.IBookingGrain")]
public interface IBookingGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The property the booking belongs to, or null when there is no such booking. Reveals nothing else, so anyone may
    /// ask: booking ids are unguessable and the caller's right to the booking is checked by the property next.
    /// </summary>
    [Alias("GetPropertyIdAsync")]
    Task<Guid?> GetPropertyIdAsync();

    /// <summary>Stores a new booking and registers its freshly generated check-in code.</summary>
    [Alias("CreateAsync")]
    Task<BookingDto> CreateAsync(CreateBooking command);

    /// <summary>The whole booking (unredacted), or null when there is no such booking.</summary>
    [Alias("GetAsync")]
    Task<BookingDto?> GetAsync(PropertySchedule schedule);

    /// <summary>Replaces the host-set fields with details the property grain has merged and validated.</summary>
    [Alias("UpdateAsync")]
    Task<BookingDto> UpdateAsync(BookingDetails details, PropertySchedule schedule);
}
