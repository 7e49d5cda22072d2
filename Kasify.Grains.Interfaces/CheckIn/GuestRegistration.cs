namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>
/// One traveller registering on a booking through the public check-in form: the fields of
/// <c>GuestRegistrationRequest</c>, with codes as the guest sent them. The check-in grain validates and normalises
/// them against the SES.HOSPEDAJES rules before anything is stored; a rejected registration is a 400 whose field errors
/// carry the codes of <see cref="GuestRuleCodes"/>.
/// </summary>
/// <param name="FirstName"><c>first_name</c>, required, at most <see cref="GuestLimits.NameLength"/> characters.</param>
/// <param name="LastName"><c>last_name</c> (first surname), required, at most <see cref="GuestLimits.NameLength"/> characters.</param>
/// <param name="NationalityCountryCode"><c>nationality_country_code</c>: ISO 3166-1 alpha-2 or alpha-3, any case.</param>
/// <param name="DateOfBirth"><c>date_of_birth</c>; not in the future.</param>
/// <param name="Sex"><c>sex</c>: one of <see cref="GuestSex"/>.</param>
/// <param name="SecondLastName"><c>second_last_name</c>; required with a <see cref="GuestDocumentType.Nif"/> document.</param>
/// <param name="DocumentType"><c>document_type</c>: one of <see cref="GuestDocumentType"/>; required for adults.</param>
/// <param name="DocumentNumber"><c>document_number</c>; required for adults; a valid NIF or NIE for those types.</param>
/// <param name="DocumentSupportNumber"><c>document_support_number</c>: the support number printed on a NIF or NIE card, which need it.</param>
/// <param name="ResidenceAddress"><c>residence_address</c>: street, number and floor; required.</param>
/// <param name="ResidenceCountryCode"><c>residence_country_code</c>: ISO 3166-1 alpha-2 or alpha-3, any case; required.</param>
/// <param name="ResidenceProvinceId"><c>residence_province_id</c>: id of a Spanish province; required for a residence in Spain.</param>
/// <param name="ResidenceCityId"><c>residence_city_id</c>: id of a Spanish municipality in that province; required for a residence in Spain.</param>
/// <param name="ResidenceCity"><c>residence_city</c>: free-text town; required for a residence outside Spain.</param>
/// <param name="ResidencePostalCode"><c>residence_postal_code</c>; required.</param>
/// <param name="PhonePrefix"><c>phone_prefix</c>: international dialling code such as <c>+34</c>.</param>
/// <param name="Phone"><c>phone</c>: digits; a phone or an email is required.</param>
/// <param name="Email"><c>email</c>; a phone or an email is required.</param>
/// <param name="RelationshipCode"><c>relationship_code</c>: one of <see cref="GuestRelationship"/>; required for a minor.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.CheckIn.GuestRegistration")]
public sealed record GuestRegistration(
    string FirstName,
    string LastName,
    string NationalityCountryCode,
    DateOnly DateOfBirth,
    string Sex,
    string? SecondLastName,
    string? DocumentType,
    string? DocumentNumber,
    string? DocumentSupportNumber,
    string? ResidenceAddress,
    string? ResidenceCountryCode,
    Guid? ResidenceProvinceId,
    Guid? ResidenceCityId,
    string? ResidenceCity,
    string? ResidencePostalCode,
    string? PhonePrefix,
    string? Phone,
    string? Email,
    string? RelationshipCode);
