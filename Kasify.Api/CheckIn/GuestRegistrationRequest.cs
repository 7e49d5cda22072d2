using System.ComponentModel;
using System.Globalization;
using Kasify.Grains.Interfaces.CheckIn;

namespace Kasify.Api.CheckIn;

/// <summary>
/// The body of a guest registration (<c>GuestRegistrationRequest</c>): the reference's 19 fields, snake_case. Nothing is
/// checked here: the booking grain applies every SES.HOSPEDAJES rule and answers with one 400 listing each broken rule
/// under its field, as <c>"{code}: {text}"</c> with a stable code (<c>checkin.required</c>, <c>checkin.nif_invalid</c>, …).
/// </summary>
internal sealed class GuestRegistrationRequest
{
    [Description("First name; required, at most 50 characters.")]
    public string? FirstName { get; init; }

    [Description("First surname; required, at most 50 characters.")]
    public string? LastName { get; init; }

    [Description("Nationality: ISO 3166-1 alpha-2 or alpha-3 code (stored as alpha-3); required.")]
    public string? NationalityCountryCode { get; init; }

    [Description("YYYY-MM-DD, not in the future; required. A missing or unreadable date is checkin.date_of_birth_invalid.")]
    public string? DateOfBirth { get; init; }

    [Description("H (hombre), M (mujer) or O (otro); required.")]
    public string? Sex { get; init; }

    [Description("Second surname; required with a NIF.")]
    public string? SecondLastName { get; init; }

    [Description("NIF, NIE, PAS or OTRO; required for guests of 18 or more on the arrival date.")]
    public string? DocumentType { get; init; }

    [Description("Document number; required for adults; NIF and NIE check letters are validated.")]
    public string? DocumentNumber { get; init; }

    [Description("Support number printed on a NIF or NIE card; required with those.")]
    public string? DocumentSupportNumber { get; init; }

    [Description("Street, number and floor; required.")]
    public string? ResidenceAddress { get; init; }

    [Description("Country of residence: ISO 3166-1 alpha-2 or alpha-3; required.")]
    public string? ResidenceCountryCode { get; init; }

    [Description("Province of residence (id from /v1/geo/provinces); required for a residence in Spain.")]
    public Guid? ResidenceProvinceId { get; init; }

    [Description("Municipality of residence (id from /v1/geo/cities); required for a residence in Spain.")]
    public Guid? ResidenceCityId { get; init; }

    [Description("Town of residence as text; required for a residence outside Spain.")]
    public string? ResidenceCity { get; init; }

    [Description("Postal code; required (5 digits in Spain).")]
    public string? ResidencePostalCode { get; init; }

    [Description("International dialling code such as +34.")]
    public string? PhonePrefix { get; init; }

    [Description("Phone digits; a phone or an email is required.")]
    public string? Phone { get; init; }

    [Description("Email address; a phone or an email is required.")]
    public string? Email { get; init; }

    [Description("SES relationship code (HJ, PM, TU, …) of a minor to the adult they travel with; required for guests under 18.")]
    public string? RelationshipCode { get; init; }

    /// <summary>
    /// The command for the grain. A missing or unreadable <c>date_of_birth</c> becomes <see cref="DateOnly.MinValue"/>,
    /// which the rules report as <c>checkin.date_of_birth_invalid</c> together with every other broken rule.
    /// </summary>
    public GuestRegistration ToRegistration() => new(
        FirstName ?? "",
        LastName ?? "",
        NationalityCountryCode ?? "",
        DateOnly.TryParseExact(DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : DateOnly.MinValue,
        Sex ?? "",
        SecondLastName,
        DocumentType,
        DocumentNumber,
        DocumentSupportNumber,
        ResidenceAddress,
        ResidenceCountryCode,
        ResidenceProvinceId,
        ResidenceCityId,
        ResidenceCity,
        ResidencePostalCode,
        PhonePrefix,
        Phone,
        Email,
        RelationshipCode);
}
