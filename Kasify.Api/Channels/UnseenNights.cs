namespace Kasify.Api.Channels;

/// <summary>Nights a channel has not seen taken yet.</summary>
/// <param name="BookingId">The booking or block holding them.</param>
/// <param name="From">Arrival night.</param>
/// <param name="To">Departure day.</param>
/// <param name="Blocked">A block rather than a stay.</param>
internal sealed record UnseenNights(Guid BookingId, DateOnly From, DateOnly To, bool Blocked);
