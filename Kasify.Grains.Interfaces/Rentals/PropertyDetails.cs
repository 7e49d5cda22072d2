namespace Kasify.Grains.Interfaces.Rentals;

/// <summary>Every field a property's owner sets on create and replaces on PUT.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Rentals.PropertyDetails")]
public sealed record PropertyDetails(
    string Name,
    string Address,
    string City,
    string ZipCode,
    string? CountryCode,
    Guid? ProvinceId,
    Guid? CityId,
    TimeOnly? CheckinTime,
    TimeOnly? CheckoutTime,
    string? TimeZone,
    string? AirbnbIcalUrl,
    string? BookingIcalUrl,
    Guid? DefaultCleanerId,
    string? SesEstablishmentCode,
    string? SesEstablishmentType,
    bool? HasInternet,
    int? RoomsCount);
