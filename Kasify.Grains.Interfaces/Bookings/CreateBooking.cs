namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>Creates a booking grain for a property; sent by the property grain once it has accepted the booking.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.CreateBooking")]
public sealed record CreateBooking(Guid PropertyId, BookingDetails Details, DateTimeOffset CreatedAt, PropertySchedule Schedule);
