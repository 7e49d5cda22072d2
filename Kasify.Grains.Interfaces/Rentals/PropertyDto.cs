namespace Kasify.Grains.Interfaces.Rentals;

/// <summary>
/// A property as one caller sees it: <see cref="Role"/> is the caller's role, and owner-only fields (iCal URLs,
/// default cleaner) are null for other roles.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Rentals.PropertyDto")]
public sealed record PropertyDto(
    Guid Id,
    Guid AccountId,
    string Name,
    string Address,
    string City,
    string ZipCode,
    string? CountryCode,
    Guid? ProvinceId,
    Guid? CityId,
    TimeOnly CheckinTime,
    TimeOnly CheckoutTime,
    string TimeZone,
    string? AirbnbIcalUrl,
    string? BookingIcalUrl,
    Guid? DefaultCleanerId,
    string? SesEstablishmentCode,
    string? SesEstablishmentType,
    bool? HasInternet,
    int? RoomsCount,
    bool AutoAccessCodes,
    int? CoverImageVersion,
    AccessLevel Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
