using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Kasify.Grains.Geo;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Geo;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Rentals;

/// <summary>What makes a property's fields acceptable, independent of Orleans.</summary>
internal static partial class PropertyRules
{
    /// <summary>
    /// Throws <see cref="RequestValidationException"/> listing every broken rule by wire field name. With
    /// <paramref name="places"/>, <c>province_id</c> and <c>city_id</c> must name a Spanish province and one of its
    /// municipalities there; without, they are left as stored (a patch cannot change them).
    /// </summary>
    public static void EnsureValid(PropertyDetails details, IReadOnlyDictionary<Guid, AccessLevel> members, IGeoLookup? places = null)
    {
        var errors = new Dictionary<string, string[]>();
        Required(errors, "name", details.Name, PropertyLimits.NameLength);
        Required(errors, "address", details.Address, PropertyLimits.AddressLength);
        Required(errors, "city", details.City, PropertyLimits.CityLength);
        Required(errors, "zip_code", details.ZipCode, PropertyLimits.ZipCodeLength);

        if (details.CountryCode is { } country && !IsKnownCountry(country))
        {
            errors["country_code"] = ["Not an ISO 3166-1 alpha-2 country code."];
        }

        if (places is not null)
        {
            CheckPlace(errors, details, places);
        }

        if (details.TimeZone is { } zone && !IsIanaTimeZone(zone))
        {
            errors["time_zone"] = ["Not an IANA time zone."];
        }

        Url(errors, "airbnb_ical_url", details.AirbnbIcalUrl);
        Url(errors, "booking_ical_url", details.BookingIcalUrl);

        if (details.SesEstablishmentCode is { Length: > PropertyLimits.SesCodeLength })
        {
            errors["ses_establishment_code"] = [$"At most {PropertyLimits.SesCodeLength} characters."];
        }

        if (details.SesEstablishmentType is { } type && !SesEstablishmentTypePattern().IsMatch(type))
        {
            errors["ses_establishment_type"] = ["An SES establishment type code: upper-case letters and '_', at most 10."];
        }

        if (details.RoomsCount is < 0 or > PropertyLimits.MaxRooms)
        {
            errors["rooms_count"] = [$"Between 0 and {PropertyLimits.MaxRooms}."];
        }

        if (details.DefaultCleanerId is { } cleaner && !members.ContainsKey(cleaner))
        {
            errors["default_cleaner_id"] = ["The default cleaner must be a member of the property's crew."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "The property has invalid fields.", errors.ToImmutableDictionary());
        }
    }

    /// <summary>Fills in the defaults of optional fields and normalises codes; a patch may have nulled a required text.</summary>
    public static PropertyDetails Normalize(PropertyDetails details) => details with
    {
        Name = (details.Name ?? "").Trim(),
        Address = (details.Address ?? "").Trim(),
        City = (details.City ?? "").Trim(),
        ZipCode = (details.ZipCode ?? "").Trim(),
        CountryCode = details.CountryCode?.Trim().ToUpperInvariant(),
        TimeZone = string.IsNullOrWhiteSpace(details.TimeZone) ? PropertyLimits.DefaultTimeZone : details.TimeZone.Trim(),
        CheckinTime = details.CheckinTime ?? PropertyLimits.DefaultCheckinTime,
        CheckoutTime = details.CheckoutTime ?? PropertyLimits.DefaultCheckoutTime,
    };

    public static bool CanEdit(AccessLevel level) => level is AccessLevel.Owner or AccessLevel.Manager;

    // Windows ids ("Romance Standard Time") resolve on Linux too, but the contract is IANA names.
    private static bool IsIanaTimeZone(string zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) && TimeZoneInfo.TryConvertIanaIdToWindowsId(zone, out _);

    private static bool IsKnownCountry(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetter))
        {
            return false;
        }

        try
        {
            _ = new RegionInfo(code);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Provinces and municipalities are Spain's (INE); an id the catalogue does not know would be a dangling reference.
    private static void CheckPlace(Dictionary<string, string[]> errors, PropertyDetails details, IGeoLookup places)
    {
        if (details.CountryCode is { } country && country != GeoLimits.Spain)
        {
            foreach (var (field, id) in new[] { ("province_id", details.ProvinceId), ("city_id", details.CityId) })
            {
                if (id is not null)
                {
                    errors[field] = ["Only a property in Spain (country_code ES) has one."];
                }
            }

            return;
        }

        var province = details.ProvinceId is { } provinceId ? places.FindProvince(provinceId) : null;
        if (details.ProvinceId is not null && province is null)
        {
            errors["province_id"] = ["Not the id of a Spanish province (see /geo/provinces)."];
        }

        if (details.CityId is not { } cityId)
        {
            return;
        }

        if (places.FindMunicipality(cityId) is not { } municipality)
        {
            errors["city_id"] = ["Not the id of a Spanish municipality (see /geo/cities)."];
        }
        else if (province is not null && municipality.ProvinceId != province.Id)
        {
            errors["city_id"] = [$"This municipality is not in the province {province.Name}."];
        }
    }

    private static void Required(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
        }
        else if (value.Length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters."];
        }
    }

    private static void Url(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > PropertyLimits.UrlLength
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors[field] = ["An absolute http(s) URL."];
        }
    }

    [GeneratedRegex("^[A-Z_]{1,10}$")]
    private static partial Regex SesEstablishmentTypePattern();

    /// <summary>Whether a stored row still holds bookings, tasks or smart locks from before they had grains of their own.</summary>
    public static bool HoldsOtherConcerns(PropertyState state) =>
        state.Bookings.Count > 0 || state.Tasks.Count > 0 || state.SmartLocks.Count > 0 || state.BookingTasks.Count > 0;

    /// <summary>Drops what the calendar, tasks and locks grains have taken over from a stored row.</summary>
    public static void ForgetOtherConcerns(PropertyState state)
    {
        state.Bookings.Clear();
        state.BookingRevisions.Clear();
        state.Tasks.Clear();
        state.BookingTasks.Clear();
        state.SmartLocks.Clear();
    }
}
