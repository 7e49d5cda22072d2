namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// What a booking needs from its property to turn dates into instants: the property's IANA time zone and its default
/// check-in and check-out times. The property grain passes its current values on every call, so a change of the
/// property's times shows in every booking at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.PropertySchedule")]
public sealed record PropertySchedule(string TimeZone, TimeOnly CheckinTime, TimeOnly CheckoutTime);
