using System.ComponentModel.DataAnnotations;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Rentals;

/// <summary>The body of create (POST) and replace (PUT): every mutable field of a property.</summary>
internal sealed class PropertyRequest : IValidatableRequest
{
    [Required, MaxLength(PropertyLimits.NameLength)]
    public string? Name { get; init; }

    [Required, MaxLength(PropertyLimits.AddressLength)]
    public string? Address { get; init; }

    [Required, MaxLength(PropertyLimits.ZipCodeLength)]
    public string? ZipCode { get; init; }

    [Required, MaxLength(PropertyLimits.CityLength)]
    public string? City { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. ES.</summary>
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "An ISO 3166-1 alpha-2 code.")]
    public string? CountryCode { get; init; }

    public Guid? ProvinceId { get; init; }

    public Guid? CityId { get; init; }

    /// <summary>Default check-in time, HH:mm (15:00 when absent).</summary>
    public TimeOnly? CheckinTime { get; init; }

    /// <summary>Default check-out time, HH:mm (11:00 when absent).</summary>
    public TimeOnly? CheckoutTime { get; init; }

    /// <summary>IANA time zone (Europe/Madrid when absent).</summary>
    [MaxLength(64)]
    public string? TimeZone { get; init; }

    [MaxLength(PropertyLimits.UrlLength), Url]
    public string? AirbnbIcalUrl { get; init; }

    [MaxLength(PropertyLimits.UrlLength), Url]
    public string? BookingIcalUrl { get; init; }

    public Guid? DefaultCleanerId { get; init; }

    [MaxLength(PropertyLimits.SesCodeLength)]
    public string? SesEstablishmentCode { get; init; }

    [MaxLength(PropertyLimits.SesCodeLength)]
    public string? SesEstablishmentType { get; init; }

    public bool? HasInternet { get; init; }

    [Range(0, PropertyLimits.MaxRooms)]
    public int? RoomsCount { get; init; }

    /// <summary>Codes for every stay on every smart lock by themselves, a lead time before arrival; off when absent.</summary>
    public bool? AutoAccessCodes { get; init; }

    public PropertyDetails ToDetails() => new(
        Name!, Address!, City!, ZipCode!, CountryCode, ProvinceId, CityId, CheckinTime, CheckoutTime, TimeZone,
        AirbnbIcalUrl, BookingIcalUrl, DefaultCleanerId, SesEstablishmentCode, SesEstablishmentType, HasInternet, RoomsCount, AutoAccessCodes);
}
