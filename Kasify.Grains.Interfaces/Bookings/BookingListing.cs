namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>A booking that matched a list query, with the instants the list is ordered by.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.BookingListing")]
public sealed record BookingListing(Guid Id, Guid PropertyId, DateTimeOffset ArrivalAt, DateTimeOffset DepartureAt);
