namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>What the booking calendar merges a patch into and checks it against: the stored fields and how many guests registered.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.BookingForChange")]
public sealed record BookingForChange(BookingDetails Details, int RegisteredGuests, bool SesTracked);
