namespace Kasify.Grains.Interfaces.Channels;

/// <summary>Nights a booking (a stay or a block) holds on the property.</summary>
/// <param name="BookingId">The booking.</param>
/// <param name="From">Arrival night.</param>
/// <param name="To">Departure day.</param>
/// <param name="Blocked">A block (closure) rather than a stay.</param>
/// <param name="Channel">The booking's channel.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.HeldDates")]
public sealed record HeldDates(Guid BookingId, DateOnly From, DateOnly To, bool Blocked = false, Bookings.BookingChannel Channel = Bookings.BookingChannel.Manual);
