namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>
/// Stable codes of the guest registration rules. A rejected registration is a <c>validation.failed</c> 400 whose
/// <c>errors</c> map is keyed by the snake_case wire field; each message there is <c>"{code}: {text}"</c>, for example
/// <c>"checkin.document_support_required: NIF and NIE documents need the support number."</c>. Clients match on the
/// code (<see cref="CodeOf"/>), which never changes once published; the text after it is for people and may change.
/// </summary>
public static class GuestRuleCodes
{
    /// <summary>Separates the code from the human text in a field message.</summary>
    public const string Separator = ": ";

    /// <summary>A field that every guest must give is missing or blank.</summary>
    public const string Required = "checkin.required";

    /// <summary>A text is longer than the SES.HOSPEDAJES schema allows (see <see cref="GuestLimits"/>).</summary>
    public const string TooLong = "checkin.too_long";

    /// <summary>A text holds control characters (line breaks, tabs and the like).</summary>
    public const string InvalidCharacters = "checkin.invalid_characters";

    /// <summary><c>sex</c> is not one of <see cref="GuestSex"/>.</summary>
    public const string SexInvalid = "checkin.sex_invalid";

    /// <summary><c>date_of_birth</c> is not a plausible date (before <see cref="GuestLimits.EarliestDateOfBirth"/>, or unreadable).</summary>
    public const string DateOfBirthInvalid = "checkin.date_of_birth_invalid";

    /// <summary><c>date_of_birth</c> is after today.</summary>
    public const string DateOfBirthInFuture = "checkin.date_of_birth_future";

    /// <summary>A country code is not an ISO 3166-1 alpha-2 or alpha-3 code.</summary>
    public const string CountryInvalid = "checkin.country_invalid";

    /// <summary><c>document_type</c> is not one of <see cref="GuestDocumentType"/>.</summary>
    public const string DocumentTypeInvalid = "checkin.document_type_invalid";

    /// <summary>An adult (18 or over on the arrival date) gave no <c>document_type</c> or no <c>document_number</c>.</summary>
    public const string DocumentRequired = "checkin.document_required";

    /// <summary>
    /// A minor gave only part of a document: a type without a number, a number without a type, or a support number
    /// without either.
    /// </summary>
    public const string DocumentIncomplete = "checkin.document_incomplete";

    /// <summary><c>document_number</c> holds characters other than letters and digits.</summary>
    public const string DocumentNumberInvalid = "checkin.document_number_invalid";

    /// <summary>A NIF is not 8 digits followed by its check letter.</summary>
    public const string NifInvalid = "checkin.nif_invalid";

    /// <summary>A NIE is not X, Y or Z, 7 digits and its check letter.</summary>
    public const string NieInvalid = "checkin.nie_invalid";

    /// <summary>A NIF (Spanish DNI) was given with a non-Spanish nationality; SES.HOSPEDAJES rejects it.</summary>
    public const string NifNationality = "checkin.nif_nationality";

    /// <summary>A NIF or NIE document has no <c>document_support_number</c>.</summary>
    public const string DocumentSupportRequired = "checkin.document_support_required";

    /// <summary><c>document_support_number</c> holds characters other than letters and digits.</summary>
    public const string DocumentSupportInvalid = "checkin.document_support_invalid";

    /// <summary>A NIF document has no <c>second_last_name</c>.</summary>
    public const string SecondLastNameRequired = "checkin.second_last_name_required";

    /// <summary>Neither <c>phone</c> nor <c>email</c> was given; the message appears under both fields.</summary>
    public const string ContactRequired = "checkin.contact_required";

    /// <summary><c>phone</c> is not 4 to 20 digits, or is longer than 20 characters with its prefix.</summary>
    public const string PhoneInvalid = "checkin.phone_invalid";

    /// <summary><c>phone_prefix</c> is not an international dialling code such as <c>+34</c>.</summary>
    public const string PhonePrefixInvalid = "checkin.phone_prefix_invalid";

    /// <summary><c>email</c> is not an email address.</summary>
    public const string EmailInvalid = "checkin.email_invalid";

    /// <summary>A minor (under 18 on the arrival date) gave no <c>relationship_code</c>.</summary>
    public const string RelationshipRequired = "checkin.relationship_required";

    /// <summary><c>relationship_code</c> is not one of <see cref="GuestRelationship"/>.</summary>
    public const string RelationshipInvalid = "checkin.relationship_invalid";

    /// <summary>
    /// Registering this adult would complete a check-in with minors in which no adult gave a <c>relationship_code</c> and
    /// none follows from the minors' codes. Also the code of a check-in snapshot's <c>missing_data</c> entries that ask
    /// the adults for it when a minor was the last to register.
    /// </summary>
    public const string AdultRelationshipRequired = "checkin.adult_relationship_required";

    /// <summary>A residence in Spain has no <c>residence_province_id</c>.</summary>
    public const string ResidenceProvinceRequired = "checkin.residence_province_required";

    /// <summary><c>residence_province_id</c> is not the id of a Spanish province.</summary>
    public const string ResidenceProvinceUnknown = "checkin.residence_province_unknown";

    /// <summary>A residence in Spain has no <c>residence_city_id</c>.</summary>
    public const string ResidenceMunicipalityRequired = "checkin.residence_municipality_required";

    /// <summary><c>residence_city_id</c> is not the id of a Spanish municipality.</summary>
    public const string ResidenceMunicipalityUnknown = "checkin.residence_municipality_unknown";

    /// <summary><c>residence_city_id</c> names a municipality of another province than <c>residence_province_id</c>.</summary>
    public const string ResidenceMunicipalityMismatch = "checkin.residence_municipality_mismatch";

    /// <summary>A residence outside Spain has no <c>residence_city</c>.</summary>
    public const string ResidenceCityRequired = "checkin.residence_city_required";

    /// <summary>A residence outside Spain was given a Spanish <c>residence_province_id</c> or <c>residence_city_id</c>.</summary>
    public const string ResidenceIdsNotAllowed = "checkin.residence_ids_not_allowed";

    /// <summary>A Spanish postal code is not 5 digits.</summary>
    public const string PostalCodeInvalid = "checkin.postal_code_invalid";

    /// <summary>Another guest of the booking already registered this document.</summary>
    public const string DocumentDuplicate = "checkin.document_duplicate";

    /// <summary>A field message: <c>"{code}: {text}"</c>.</summary>
    public static string Format(string code, string text) => code + Separator + text;

    /// <summary>The code at the start of a field message, or null if the message carries none.</summary>
    public static string? CodeOf(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var end = message.IndexOf(Separator, StringComparison.Ordinal);
        return end > 0 && message.AsSpan(0, end).IndexOfAny(' ', '\t') < 0 ? message[..end] : null;
    }
}
