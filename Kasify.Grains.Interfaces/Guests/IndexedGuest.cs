using Kasify.Grains.Interfaces.CheckIn;

namespace Kasify.Grains.Interfaces.Guests;

/// <summary>
/// One registered guest as the property's guest index holds it: what the guest list shows, and the keyed hash of the
/// guest's document number (never the number itself), so a whole document number is found by hashing the query.
/// </summary>
/// <param name="Guest">The guest as listed.</param>
/// <param name="DocumentNumberHash">The keyed hash of the normalized document number; null for a guest without one.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Guests.IndexedGuest")]
public sealed record IndexedGuest(GuestDto Guest, string? DocumentNumberHash);
