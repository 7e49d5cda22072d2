using System.Globalization;
using Kasify.Api.Channels;
using Kasify.Grains.Interfaces.Geo;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Rentals;

/// <summary>
/// A property as the caller sees it, fields in the reference's order. <c>role</c> is the caller's role; owner-only
/// fields (iCal URLs, default cleaner) are null for other roles. <c>calendars</c>, the import status of each channel
/// calendar, is the owner's and only in <c>GET /properties/{id}</c>: null elsewhere.
/// </summary>
internal sealed record PropertyResponse(
    string Name,
    Guid Id,
    Guid AccountId,
    string Address,
    string City,
    string ZipCode,
    string? Country,
    Guid? CountryId,
    string? CountryCode,
    Guid? ProvinceId,
    Guid? CityId,
    TimeOnly CheckinTime,
    TimeOnly CheckoutTime,
    string TimeZone,
    string? SesEstablishmentCode,
    string? SesEstablishmentType,
    bool? HasInternet,
    int? RoomsCount,
    bool AutoAccessCodes,
    string? CoverImageUrl,
    AccessLevel Role,
    string? AirbnbIcalUrl,
    string? BookingIcalUrl,
    Guid? DefaultCleanerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ChannelCalendarResponse>? Calendars = null)
{
    public static PropertyResponse From(PropertyDto property) => new(
        property.Name,
        property.Id,
        property.AccountId,
        property.Address,
        property.City,
        property.ZipCode,
        property.CountryCode is { } code ? CountryName(code) : null,
        property.CountryCode is { } countryCode ? GeoIds.Country(countryCode) : null,
        property.CountryCode,
        property.ProvinceId,
        property.CityId,
        property.CheckinTime,
        property.CheckoutTime,
        property.TimeZone,
        property.SesEstablishmentCode,
        property.SesEstablishmentType,
        property.HasInternet,
        property.RoomsCount,
        property.AutoAccessCodes,
        property.CoverImageVersion is { } version ? $"/v1/properties/{property.Id}/cover-image?v={version}" : null,
        property.Role,
        property.AirbnbIcalUrl,
        property.BookingIcalUrl,
        property.DefaultCleanerId,
        property.CreatedAt,
        property.UpdatedAt);

    private static string CountryName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
