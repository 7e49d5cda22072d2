namespace Kasify.Grains.Channels;

/// <summary>Nights the export calendar shows as taken.</summary>
/// <param name="BookingId">The booking holding them (its id becomes the event's UID).</param>
/// <param name="From">Arrival night.</param>
/// <param name="To">Departure day.</param>
/// <param name="Blocked">A block rather than a stay.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Channels.ExportedStay")]
public sealed record ExportedStay(Guid BookingId, DateOnly From, DateOnly To, bool Blocked);
