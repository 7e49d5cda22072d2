using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kasify.Grains.Geo;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Grains.CheckIn;

/// <summary>
/// The SES.HOSPEDAJES rules a guest registration must pass before it is stored (ses-hospedajes.md §5–§9), independent
/// of Orleans. Every broken rule is collected into one <see cref="RequestValidationException"/> with code
/// <c>validation.failed</c>, whose errors are keyed by the snake_case wire field of <c>GuestRegistrationRequest</c>.
/// Each message is <c>"{rule code}: {text}"</c>, the code one of <see cref="GuestRuleCodes"/> (stable; clients match on
/// it), the text for people, for example
/// <c>{"document_support_number": ["checkin.document_support_required: NIF and NIE documents need the support number."]}</c>.
/// A field may carry several messages; a rule that needs two fields reports under each of them.
/// </summary>
internal static partial class GuestRules
{
    /// <summary>Code of the exception <see cref="Validate"/> and <see cref="EnsureFitsBooking"/> throw.</summary>
    public const string ValidationFailed = "validation.failed";

    /// <summary>Asterisks that stand for the hidden part of a masked document number, whatever its length.</summary>
    public const string MaskPrefix = "*****";

    /// <summary>Most trailing characters a masked document number shows.</summary>
    public const int MaskVisibleCharacters = 3;

    /// <summary>Why an adult is asked for <c>relationship_code</c>: at registration and in a check-in's missing data.</summary>
    public const string AdultRelationshipText =
        "Minors travel on this booking and no adult has said how they relate to them: give relationship_code (e.g. PM for a parent, TU for a guardian).";

    /// <summary>Why an adult is asked for <c>document_type</c>.</summary>
    public const string DocumentTypeText = "Guests aged 18 or over on the arrival date must give an identity document type.";

    /// <summary>Why an adult is asked for <c>document_number</c>.</summary>
    public const string DocumentNumberText = "Guests aged 18 or over on the arrival date must give an identity document number.";

    /// <summary>Why a NIF holder is asked for <c>second_last_name</c>.</summary>
    public const string SecondLastNameText = "A NIF (Spanish DNI) holder must give the second surname.";

    /// <summary>Why a NIF or NIE holder is asked for <c>document_support_number</c>.</summary>
    public const string SupportNumberText = "NIF and NIE documents need the support number.";

    /// <summary>Why a guest with neither phone nor email is asked for one.</summary>
    public const string ContactText = "Give a phone number or an email address.";
    private const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
    private const string NiePrefixes = "XYZ";

    /// <summary>
    /// Checks <paramref name="guest"/> against every rule and returns it normalised, or throws one
    /// <see cref="RequestValidationException"/> listing every broken rule.
    /// </summary>
    /// <param name="guest">The registration as the guest sent it.</param>
    /// <param name="referenceDate">The booking's arrival date: who is a minor (under 18) is decided on this day.</param>
    /// <param name="today">Today's date where the property is; a date of birth after it is rejected.</param>
    /// <param name="geo">Countries, provinces and municipalities (<see cref="GeoCatalog.Embedded"/>).</param>
    public static ValidatedGuest Validate(GuestRegistration guest, DateOnly referenceDate, DateOnly today, IGeoLookup geo)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(geo);
        var errors = new FieldErrors();

        var firstName = errors.Text("first_name", guest.FirstName, GuestLimits.NameLength, required: true);
        var lastName = errors.Text("last_name", guest.LastName, GuestLimits.NameLength, required: true);
        var secondLastName = errors.Text("second_last_name", guest.SecondLastName, GuestLimits.NameLength, required: false);
        var sex = errors.Code("sex", guest.Sex, GuestSex.All, required: true, GuestRuleCodes.SexInvalid, "One of H (hombre), M (mujer) or O (otro).");
        CheckDateOfBirth(errors, guest.DateOfBirth, today);
        var minor = IsMinor(guest.DateOfBirth, referenceDate);
        var nationality = Country(errors, "nationality_country_code", guest.NationalityCountryCode, geo);

        var document = Document(errors, guest, minor);
        if (TravellerRules.NeedsSecondLastName(document.Type) && secondLastName is null)
        {
            errors.Add("second_last_name", GuestRuleCodes.SecondLastNameRequired, SecondLastNameText);
        }

        if (nationality is not null && !TravellerRules.DocumentFitsNationality(document.Type, nationality.Alpha3))
        {
            errors.Add("document_type", GuestRuleCodes.NifNationality,
                "A NIF (Spanish DNI) is issued only to Spanish nationals: foreign guests use NIE, PAS or OTRO.");
        }

        var residence = Residence(errors, guest, geo);
        var (phonePrefix, phone, email) = Contact(errors, guest);

        var relationship = errors.Code("relationship_code", guest.RelationshipCode, GuestRelationship.All, required: false,
            GuestRuleCodes.RelationshipInvalid, "One of the SES relationship codes: " + string.Join(", ", GuestRelationship.All) + ".");
        if (minor && relationship is null && !errors.Has("relationship_code"))
        {
            errors.Add("relationship_code", GuestRuleCodes.RelationshipRequired,
                "Guests under 18 on the arrival date must say how they relate to the adult they travel with (e.g. HJ for a child).");
        }

        errors.ThrowIfAny("The guest registration has invalid fields.");
        return new ValidatedGuest(
            firstName!,
            lastName!,
            secondLastName,
            sex!,
            guest.DateOfBirth,
            nationality!.Alpha3,
            document.Type,
            document.Number,
            document.SupportNumber,
            residence.Address!,
            residence.Country!.Alpha3,
            residence.Province?.Id,
            residence.Province?.Code,
            residence.Municipality?.Id,
            residence.Municipality?.Code,
            residence.City!,
            residence.PostalCode!,
            phonePrefix,
            phone,
            email,
            relationship);
    }

    /// <summary>
    /// The rules that need the booking's other guests (ses-hospedajes.md §9.8 and §9.10): a document is registered once
    /// per booking, and the adult whose registration completes a check-in with minors must give a relationship code if
    /// no adult has one and none follows from the minors' codes (<see cref="TravellerRules.DerivedAdultRelationship"/>).
    /// When the completing guest is a minor, the registration is taken and the check-in waits for an adult's code
    /// (<see cref="CheckinRules.Missing"/>).
    /// </summary>
    /// <param name="candidate">The guest about to be added, already validated.</param>
    /// <param name="registered">The guests already registered on the booking.</param>
    /// <param name="expectedGuests">The booking's <c>guests_number</c>.</param>
    /// <param name="referenceDate">The booking's arrival date.</param>
    public static void EnsureFitsBooking(
        ValidatedGuest candidate, IReadOnlyCollection<ValidatedGuest> registered, int expectedGuests, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(registered);
        var errors = new FieldErrors();
        var party = registered.Append(candidate).Select(guest => Traveller.Of(guest, referenceDate)).ToList();
        var self = party[^1];
        if (self.DocumentNumber is { } number && TravellerRules.DuplicateDocuments(party).Contains((self.DocumentType, number)))
        {
            errors.Add("document_number", GuestRuleCodes.DocumentDuplicate, "Another guest of this booking already registered this document.");
        }

        if (!self.IsMinor
            && self.Relationship is null
            && party.Count >= expectedGuests
            && TravellerRules.OwesRelationship(TravellerRules.WithDerivedRelationships(party)))
        {
            errors.Add("relationship_code", GuestRuleCodes.AdultRelationshipRequired, AdultRelationshipText);
        }

        errors.ThrowIfAny("The guest cannot be added to this booking.");
    }

    /// <summary>
    /// Whether someone born on <paramref name="dateOfBirth"/> is under 18 on <paramref name="referenceDate"/>: the 18th
    /// birthday itself is adult. Someone born on 29 February turns 18 on 28 February of a common year.
    /// </summary>
    public static bool IsMinor(DateOnly dateOfBirth, DateOnly referenceDate) =>
        dateOfBirth.Year > DateOnly.MaxValue.Year - GuestLimits.AdultAge || referenceDate < dateOfBirth.AddYears(GuestLimits.AdultAge);

    /// <summary>
    /// The document number as the public check-in snapshot shows it: <see cref="MaskPrefix"/> followed by at most the
    /// last <see cref="MaskVisibleCharacters"/> characters and never more than a third of the number, so neither the
    /// number nor its length can be read (<c>12345678Z</c> → <c>*****78Z</c>, <c>AB12</c> → <c>*****2</c>,
    /// <c>X1</c> → <c>*****</c>). Null when there is no document.
    /// </summary>
    public static string? MaskDocumentNumber(string? documentNumber)
    {
        if (string.IsNullOrWhiteSpace(documentNumber))
        {
            return null;
        }

        var number = documentNumber.Trim();
        var visible = Math.Min(MaskVisibleCharacters, number.Length / 3);
        return MaskPrefix + number[^visible..];
    }

    /// <summary>A Spanish DNI number: 8 digits and the letter of their value modulo 23 (<c>12345678Z</c>).</summary>
    public static bool IsValidNif(string number) =>
        number.Length == 9 && DigitsValue(number.AsSpan(0, 8)) is { } value && number[8] == DniLetters[value % 23];

    /// <summary>A foreigner's NIE: X, Y or Z (standing for 0, 1, 2), 7 digits and the DNI check letter (<c>X1234567L</c>).</summary>
    public static bool IsValidNie(string number) =>
        number.Length == 9
        && NiePrefixes.IndexOf(number[0], StringComparison.Ordinal) is var prefix and >= 0
        && DigitsValue(number.AsSpan(1, 7)) is { } value
        && number[8] == DniLetters[(prefix * 10_000_000 + value) % 23];

    private static int? DigitsValue(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                return null;
            }

            value = (value * 10) + (digit - '0');
        }

        return value;
    }

    private static void CheckDateOfBirth(FieldErrors errors, DateOnly dateOfBirth, DateOnly today)
    {
        if (dateOfBirth < GuestLimits.EarliestDateOfBirth)
        {
            errors.Add("date_of_birth", GuestRuleCodes.DateOfBirthInvalid, $"Not a real date of birth: give a date from {GuestLimits.EarliestDateOfBirth:yyyy-MM-dd} on.");
        }
        else if (dateOfBirth > today)
        {
            errors.Add("date_of_birth", GuestRuleCodes.DateOfBirthInFuture, "The date of birth cannot be in the future.");
        }
    }

    private static CountryDto? Country(FieldErrors errors, string field, string? code, IGeoLookup geo)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(field, GuestRuleCodes.Required, "Required.");
            return null;
        }

        var country = code.Trim() is { Length: 2 or 3 } trimmed && trimmed.All(char.IsAsciiLetter) ? geo.FindCountry(trimmed) : null;
        if (country is null)
        {
            errors.Add(field, GuestRuleCodes.CountryInvalid, "An ISO 3166-1 alpha-2 or alpha-3 country code (ES or ESP).");
        }

        return country;
    }

    private static (string? Type, string? Number, string? SupportNumber) Document(FieldErrors errors, GuestRegistration guest, bool minor)
    {
        var type = errors.Code("document_type", guest.DocumentType, GuestDocumentType.All, required: false,
            GuestRuleCodes.DocumentTypeInvalid, "One of NIF, NIE, PAS (passport) or OTRO (another identity document).");
        var number = Blank(guest.DocumentNumber) ? null : DocumentSeparators().Replace(guest.DocumentNumber!, "").ToUpperInvariant();
        var support = Blank(guest.DocumentSupportNumber) ? null : guest.DocumentSupportNumber!.Trim().ToUpperInvariant();
        var typeGiven = !Blank(guest.DocumentType);

        if (TravellerRules.NeedsDocument(minor))
        {
            if (!typeGiven)
            {
                errors.Add("document_type", GuestRuleCodes.DocumentRequired, DocumentTypeText);
            }

            if (number is null)
            {
                errors.Add("document_number", GuestRuleCodes.DocumentRequired, DocumentNumberText);
            }
        }
        else if (typeGiven && number is null)
        {
            errors.Add("document_number", GuestRuleCodes.DocumentIncomplete, "A document type needs its number; leave both out if the minor has no document.");
        }
        else if (!typeGiven && number is not null)
        {
            errors.Add("document_type", GuestRuleCodes.DocumentIncomplete, "A document number needs its type; leave both out if the minor has no document.");
        }
        else if (!typeGiven && support is not null)
        {
            errors.Add("document_support_number", GuestRuleCodes.DocumentIncomplete, "A support number needs the document type and number.");
        }

        if (number is not null)
        {
            if (number.Length > GuestLimits.DocumentNumberLength)
            {
                errors.Add("document_number", GuestRuleCodes.TooLong, $"At most {GuestLimits.DocumentNumberLength} characters.");
            }
            else if (!number.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add("document_number", GuestRuleCodes.DocumentNumberInvalid, "Letters and digits only.");
            }
            else if (type == GuestDocumentType.Nif && !IsValidNif(number))
            {
                errors.Add("document_number", GuestRuleCodes.NifInvalid, "Not a valid NIF: 8 digits and the matching check letter, e.g. 12345678Z.");
            }
            else if (type == GuestDocumentType.Nie && !IsValidNie(number))
            {
                errors.Add("document_number", GuestRuleCodes.NieInvalid, "Not a valid NIE: X, Y or Z, 7 digits and the matching check letter, e.g. X1234567L.");
            }
        }

        if (TravellerRules.NeedsSupportNumber(type) && support is null)
        {
            errors.Add("document_support_number", GuestRuleCodes.DocumentSupportRequired, SupportNumberText);
        }

        if (support is not null)
        {
            if (support.Length > GuestLimits.DocumentSupportNumberLength)
            {
                errors.Add("document_support_number", GuestRuleCodes.TooLong, $"At most {GuestLimits.DocumentSupportNumberLength} characters.");
            }
            else if (!support.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add("document_support_number", GuestRuleCodes.DocumentSupportInvalid, "Letters and digits only, as printed on the card.");
            }
        }

        return typeGiven || number is not null ? (type, number, support) : (null, null, null);
    }

    private static (string? Address, CountryDto? Country, ProvinceDto? Province, MunicipalityDto? Municipality, string? City, string? PostalCode) Residence(
        FieldErrors errors, GuestRegistration guest, IGeoLookup geo)
    {
        var address = errors.Text("residence_address", guest.ResidenceAddress, GuestLimits.AddressLength, required: true);
        var postalCode = errors.Text("residence_postal_code", guest.ResidencePostalCode, GuestLimits.PostalCodeLength, required: true)?.ToUpperInvariant();
        var city = errors.Text("residence_city", guest.ResidenceCity, GuestLimits.CityLength, required: false);
        var country = Country(errors, "residence_country_code", guest.ResidenceCountryCode, geo);
        if (country is null)
        {
            return (address, null, null, null, city, postalCode);
        }

        if (!TravellerRules.NeedsMunicipalityCode(country.Alpha3))
        {
            if (city is null && !errors.Has("residence_city"))
            {
                errors.Add("residence_city", GuestRuleCodes.ResidenceCityRequired, "A residence outside Spain needs the town or city.");
            }

            if (guest.ResidenceProvinceId is not null)
            {
                errors.Add("residence_province_id", GuestRuleCodes.ResidenceIdsNotAllowed, "Only a residence in Spain has a province id; give residence_city instead.");
            }

            if (guest.ResidenceCityId is not null)
            {
                errors.Add("residence_city_id", GuestRuleCodes.ResidenceIdsNotAllowed, "Only a residence in Spain has a municipality id; give residence_city instead.");
            }

            return (address, country, null, null, city, postalCode);
        }

        ProvinceDto? province = null;
        MunicipalityDto? municipality = null;
        if (guest.ResidenceProvinceId is not { } provinceId)
        {
            errors.Add("residence_province_id", GuestRuleCodes.ResidenceProvinceRequired, "A residence in Spain needs the province (an id from /geo/provinces).");
        }
        else if ((province = geo.FindProvince(provinceId)) is null)
        {
            errors.Add("residence_province_id", GuestRuleCodes.ResidenceProvinceUnknown, "Not the id of a Spanish province.");
        }

        if (guest.ResidenceCityId is not { } cityId)
        {
            errors.Add("residence_city_id", GuestRuleCodes.ResidenceMunicipalityRequired, "A residence in Spain needs the municipality (an id from /geo/cities).");
        }
        else if ((municipality = geo.FindMunicipality(cityId)) is null)
        {
            errors.Add("residence_city_id", GuestRuleCodes.ResidenceMunicipalityUnknown, "Not the id of a Spanish municipality.");
        }
        else if (province is not null && municipality.ProvinceId != province.Id)
        {
            errors.Add("residence_city_id", GuestRuleCodes.ResidenceMunicipalityMismatch, $"This municipality is not in the province {province.Name}.");
        }

        if (postalCode is not null && !SpanishPostalCode().IsMatch(postalCode))
        {
            errors.Add("residence_postal_code", GuestRuleCodes.PostalCodeInvalid, "A Spanish postal code has 5 digits.");
        }

        return (address, country, province, municipality, municipality?.Name, postalCode);
    }

    private static (string? Prefix, string? Phone, string? Email) Contact(FieldErrors errors, GuestRegistration guest)
    {
        string? phone = null;
        string? prefix = null;
        if (!Blank(guest.Phone))
        {
            phone = PhoneSeparators().Replace(guest.Phone!, "");
            if (!PhoneDigits().IsMatch(phone))
            {
                errors.Add("phone", GuestRuleCodes.PhoneInvalid,
                    $"{GuestLimits.MinPhoneDigits} to {GuestLimits.PhoneLength} digits; put the country code in phone_prefix.");
            }

            if (!Blank(guest.PhonePrefix))
            {
                var match = PhonePrefix().Match(guest.PhonePrefix!.Trim());
                if (match.Success)
                {
                    prefix = "+" + match.Groups["code"].Value;
                }
                else
                {
                    errors.Add("phone_prefix", GuestRuleCodes.PhonePrefixInvalid, "An international dialling code such as +34.");
                }
            }

            if (!errors.Has("phone") && (prefix?.Length ?? 0) + phone.Length > GuestLimits.PhoneLength)
            {
                errors.Add("phone", GuestRuleCodes.PhoneInvalid, $"At most {GuestLimits.PhoneLength} characters together with the prefix.");
            }
        }

        var email = errors.Text("email", guest.Email, GuestLimits.EmailLength, required: false);
        if (email is not null && !errors.Has("email") && !EmailAddress().IsMatch(email))
        {
            errors.Add("email", GuestRuleCodes.EmailInvalid, "Not an email address.");
        }

        if (!TravellerRules.HasContact(phone, email))
        {
            errors.Add("phone", GuestRuleCodes.ContactRequired, ContactText);
            errors.Add("email", GuestRuleCodes.ContactRequired, ContactText);
        }

        return (prefix, phone, email);
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    // XML 1.0 (the SES message) cannot carry control characters, lone surrogates or U+FFFE/U+FFFF.
    private static bool HasInvalidCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[\s.\-]")]
    private static partial Regex DocumentSeparators();

    [GeneratedRegex(@"[\s.\-()/]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex("^[0-9]{4,20}$")]
    private static partial Regex PhoneDigits();

    [GeneratedRegex(@"^(?:\+|00)?\s*(?<code>[1-9][0-9]{0,3})$")]
    private static partial Regex PhonePrefix();

    // Stricter than the SES pattern [^@]+@[^\.]+\..+ and implied by it: one @, no spaces, a dotted domain of non-empty labels.
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")]
    private static partial Regex EmailAddress();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex SpanishPostalCode();

    /// <summary>Broken rules by wire field, each message carrying its rule code.</summary>
    private sealed class FieldErrors
    {
        private readonly Dictionary<string, List<string>> _errors = [];

        public void Add(string field, string code, string text)
        {
            if (!_errors.TryGetValue(field, out var messages))
            {
                _errors[field] = messages = [];
            }

            messages.Add(GuestRuleCodes.Format(code, text));
        }

        public bool Has(string field) => _errors.ContainsKey(field);

        /// <summary>The trimmed text, or null when blank (an error if <paramref name="required"/>).</summary>
        public string? Text(string field, string? value, int maxLength, bool required)
        {
            if (Blank(value))
            {
                if (required)
                {
                    Add(field, GuestRuleCodes.Required, "Required.");
                }

                return null;
            }

            var text = value!.Trim();
            if (text.Length > maxLength)
            {
                Add(field, GuestRuleCodes.TooLong, $"At most {maxLength} characters.");
            }

            if (HasInvalidCharacters(text))
            {
                Add(field, GuestRuleCodes.InvalidCharacters, "Line breaks, tabs and other control characters are not allowed.");
            }

            return text;
        }

        /// <summary>The code upper-cased if it is one of <paramref name="allowed"/>; null (and an error) otherwise.</summary>
        public string? Code(string field, string? value, IReadOnlyList<string> allowed, bool required, string invalidCode, string invalidText)
        {
            if (Blank(value))
            {
                if (required)
                {
                    Add(field, GuestRuleCodes.Required, "Required.");
                }

                return null;
            }

            var code = value!.Trim().ToUpperInvariant();
            if (!allowed.Contains(code))
            {
                Add(field, invalidCode, invalidText);
                return null;
            }

            return code;
        }

        public void ThrowIfAny(string message)
        {
            if (_errors.Count > 0)
            {
                throw new RequestValidationException(
                    ValidationFailed, message, _errors.ToImmutableDictionary(pair => pair.Key, pair => pair.Value.ToArray()));
            }
        }
    }
}
