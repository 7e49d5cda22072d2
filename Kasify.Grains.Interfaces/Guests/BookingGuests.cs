using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Guests;

/// <summary>
/// Every guest of one booking, as the booking pushes them to its property's guest index. A push replaces the booking's
/// entries; one with a revision at or below the stored one changes nothing, so a repeated delivery is harmless.
/// </summary>
/// <param name="BookingId">The booking.</param>
/// <param name="Revision">Grows with every change of the booking's guests.</param>
/// <param name="Guests">All of the booking's guests; empty once it is erased.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Guests.BookingGuests")]
public sealed record BookingGuests(Guid BookingId, long Revision, ImmutableArray<IndexedGuest> Guests);
