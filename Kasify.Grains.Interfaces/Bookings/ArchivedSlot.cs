namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// A booking's calendar slot as a yearly archive keeps it: the compact details (no contact data, notes or requests)
/// and the revision the calendar had accepted when the stay was archived.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.ArchivedSlot")]
public sealed record ArchivedSlot(Guid BookingId, BookingDetails Slot, long Revision);
