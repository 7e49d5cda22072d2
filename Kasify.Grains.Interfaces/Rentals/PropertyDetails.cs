namespace Kasify.Grains.Interfaces.Rentals;

/// <summary>
/// Every field a property's owner sets on create and replaces on PUT. <c>AutoAccessCodes</c>: when true, every stay gets a
/// code on each of the property's smart locks by itself, a configurable lead time before its arrival
/// (<c>Kasify:Locks:AutoCodeLeadTime</c>); null or false, codes are created on request only.
/// </summary>
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
    int? RoomsCount,
    bool? AutoAccessCodes = null);
