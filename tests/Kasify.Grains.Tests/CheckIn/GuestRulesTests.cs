using Kasify.Grains.CheckIn;
using Kasify.Grains.Geo;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Grains.Tests.CheckIn;

/// <summary>Every SES.HOSPEDAJES rule of a guest registration, each with a failing and a passing case.</summary>
public sealed class GuestRulesTests
{
    private const string ValidationCode = "validation.failed";

    internal static readonly DateOnly Arrival = new(2025, 7, 14);
    internal static readonly DateOnly Today = new(2025, 6, 2);
    private static readonly GeoCatalog Geo = GeoCatalog.Embedded;
    private static readonly Guid Madrid = GeoIds.Province("28");
    private static readonly Guid MadridCity = GeoIds.Municipality("28079");
    private static readonly Guid BarcelonaCity = GeoIds.Municipality("08019");

    /// <summary>An adult Spaniard with a DNI, living in Madrid: passes every rule.</summary>
    internal static GuestRegistration SpanishAdult() => new(
        FirstName: "Lucía",
        LastName: "Martín",
        NationalityCountryCode: "ES",
        DateOfBirth: new DateOnly(1985, 3, 9),
        Sex: "M",
        SecondLastName: "Ruiz",
        DocumentType: "NIF",
        DocumentNumber: "12345678Z",
        DocumentSupportNumber: "ABC123456",
        ResidenceAddress: "Calle Mayor 10, 3B",
        ResidenceCountryCode: "ES",
        ResidenceProvinceId: Madrid,
        ResidenceCityId: MadridCity,
        ResidenceCity: null,
        ResidencePostalCode: "28013",
        PhonePrefix: "+34",
        Phone: "600111222",
        Email: "lucia@example.com",
        RelationshipCode: null);

    /// <summary>An adult German with a passport, living in Berlin: passes every rule.</summary>
    internal static GuestRegistration ForeignAdult() => SpanishAdult() with
    {
        FirstName = "Anna",
        LastName = "Schmidt",
        SecondLastName = null,
        NationalityCountryCode = "DE",
        DocumentType = "PAS",
        DocumentNumber = "C01X00T47",
        DocumentSupportNumber = null,
        ResidenceAddress = "Hauptstr. 5",
        ResidenceCountryCode = "DEU",
        ResidenceProvinceId = null,
        ResidenceCityId = null,
        ResidenceCity = "Berlin",
        ResidencePostalCode = "10115",
        PhonePrefix = "+49",
        Phone = "1701234567",
        Email = null,
    };

    /// <summary>A Spanish child of nine without a document of their own: passes every rule.</summary>
    internal static GuestRegistration Minor() => SpanishAdult() with
    {
        FirstName = "Pablo",
        DateOfBirth = new DateOnly(2016, 5, 20),
        Sex = "H",
        DocumentType = null,
        DocumentNumber = null,
        DocumentSupportNumber = null,
        Email = null,
        RelationshipCode = "HJ",
    };

    [Fact]
    public void ASpanishAdultIsNormalisedForSes()
    {
        var guest = Validate(SpanishAdult() with
        {
            FirstName = "  Lucía ",
            NationalityCountryCode = "es",
            Sex = "m",
            DocumentType = "nif",
            DocumentNumber = " 12.345.678-z ",
            DocumentSupportNumber = "abc123456",
            ResidencePostalCode = " 28013 ",
            PhonePrefix = "0034",
            Phone = "600 11 12 22",
            Email = " lucia@example.com ",
        });

        Assert.Equal("Lucía", guest.FirstName);
        Assert.Equal(("ESP", "M"), (guest.NationalityCode, guest.Sex));
        Assert.Equal(("NIF", "12345678Z", "ABC123456"), (guest.DocumentType, guest.DocumentNumber, guest.DocumentSupportNumber));
        Assert.Equal(("ESP", "28", "28079", "Madrid"), (guest.ResidenceCountryCode, guest.ResidenceProvinceCode, guest.ResidenceMunicipalityCode, guest.ResidenceCity));
        Assert.Equal((Madrid, MadridCity), (guest.ResidenceProvinceId!.Value, guest.ResidenceCityId!.Value));
        Assert.Equal("28013", guest.ResidencePostalCode);
        Assert.Equal(("+34", "600111222", "+34600111222"), (guest.PhonePrefix, guest.Phone, guest.SesPhone()));
        Assert.Equal("lucia@example.com", guest.Email);
        Assert.Null(guest.RelationshipCode);
    }

    [Fact]
    public void AForeignAdultKeepsTheTownAsTextAndHasNoIneCodes()
    {
        var guest = Validate(ForeignAdult());

        Assert.Equal(("DEU", "DEU", "Berlin"), (guest.NationalityCode, guest.ResidenceCountryCode, guest.ResidenceCity));
        Assert.Null(guest.ResidenceProvinceCode);
        Assert.Null(guest.ResidenceMunicipalityCode);
        Assert.Null(guest.ResidenceProvinceId);
        Assert.Equal(("PAS", "C01X00T47"), (guest.DocumentType, guest.DocumentNumber));
        Assert.Null(guest.Email);
    }

    [Fact]
    public void AMinorWithoutADocumentOfTheirOwnPasses()
    {
        var guest = Validate(Minor() with { RelationshipCode = "hj" });

        Assert.Null(guest.DocumentType);
        Assert.Null(guest.DocumentNumber);
        Assert.Null(guest.DocumentSupportNumber);
        Assert.Equal("HJ", guest.RelationshipCode);
    }

    [Fact]
    public void EveryBrokenRuleIsReportedAtOnceByWireNameWithItsCode()
    {
        var error = Reject(SpanishAdult() with
        {
            FirstName = " ",
            Sex = "F",
            DocumentNumber = "12345678A",
            DocumentSupportNumber = null,
            SecondLastName = null,
            ResidenceCityId = BarcelonaCity,
            Phone = null,
            Email = null,
        });

        Assert.Equal(ValidationCode, error.Code);
        Assert.Equal(
            ["document_number", "document_support_number", "email", "first_name", "phone", "residence_city_id", "second_last_name", "sex"],
            error.Errors.Keys.Order());
        Assert.All(error.Errors.Values.SelectMany(messages => messages), message => Assert.StartsWith("checkin.", GuestRuleCodes.CodeOf(message)));
        Assert.Equal(GuestRuleCodes.NifInvalid, Code(error, "document_number"));
        Assert.Equal(GuestRuleCodes.ResidenceMunicipalityMismatch, Code(error, "residence_city_id"));
    }

    [Fact]
    public void FieldMessagesAreTheRuleCodeThenTheText()
    {
        var error = Reject(SpanishAdult() with { DocumentSupportNumber = null });

        Assert.Equal(
            ["checkin.document_support_required: NIF and NIE documents need the support number."],
            error.Errors["document_support_number"]);
        Assert.Equal("checkin.document_support_required", GuestRuleCodes.CodeOf(error.Errors["document_support_number"][0]));
        Assert.Null(GuestRuleCodes.CodeOf("Required."));
        Assert.Null(GuestRuleCodes.CodeOf("Not a code: text"));
    }

    public static TheoryData<string> RequiredFields() =>
    [
        "first_name", "last_name", "sex", "nationality_country_code", "residence_address", "residence_country_code", "residence_postal_code",
    ];

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void RequiredFieldsMustBeGiven(string field)
    {
        Validate(SpanishAdult());

        foreach (var blank in new[] { null, "", "   " })
        {
            var error = Reject(Set(SpanishAdult(), field, blank));
            Assert.Equal([field], error.Errors.Keys);
            Assert.Equal(GuestRuleCodes.Required, Code(error, field));
        }
    }

    public static TheoryData<string, int> TextLimits() => new()
    {
        { "first_name", 50 },
        { "last_name", 50 },
        { "second_last_name", 50 },
        { "residence_address", 100 },
        { "residence_city", 100 },
        { "residence_postal_code", 20 },
        { "document_number", 15 },
        { "document_support_number", 9 },
    };

    [Theory]
    [MemberData(nameof(TextLimits))]
    public void TextsAreLimitedToTheSesSchemaLengths(string field, int limit)
    {
        // A foreign guest with an OTRO document: no format rule besides the length applies to these fields.
        var guest = ForeignAdult() with { DocumentType = "OTRO", DocumentSupportNumber = "A1" };

        Validate(Set(guest, field, new string('A', limit)));
        var error = Reject(Set(guest, field, new string('A', limit + 1)));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Equal(GuestRuleCodes.TooLong, Code(error, field));
    }

    [Fact]
    public void EmailsAreLimitedTo250Characters()
    {
        var local = new string('a', 64);
        var domain = string.Join('.', Enumerable.Repeat(new string('b', 60), 3));
        var atLimit = local + "@" + domain + "." + new string('c', 250 - local.Length - domain.Length - 2);

        Assert.Equal(250, atLimit.Length);
        Validate(SpanishAdult() with { Email = atLimit });
        Assert.Equal(GuestRuleCodes.TooLong, Code(Reject(SpanishAdult() with { Email = atLimit + "c" }), "email"));
    }

    [Theory]
    [InlineData("Ana\nMaría")]
    [InlineData("Ana\tMaría")]
    [InlineData("Ana\uFFFF")]
    public void TextsMayNotHoldControlCharacters(string name)
    {
        Assert.Equal(GuestRuleCodes.InvalidCharacters, Code(Reject(SpanishAdult() with { FirstName = name }), "first_name"));
        // Attributes cannot carry a lone surrogate, so it is built here.
        Assert.Equal(GuestRuleCodes.InvalidCharacters, Code(Reject(SpanishAdult() with { LastName = "Mart" + '\uD800' }), "last_name"));
        Validate(SpanishAdult() with { FirstName = "Ana María 😀" });
    }

    [Theory]
    [InlineData("H", true)]
    [InlineData("m", true)]
    [InlineData(" O ", true)]
    [InlineData("F", false)]
    [InlineData("X", false)]
    [InlineData("HM", false)]
    public void SexIsAnSesCode(string sex, bool valid) => AssertRule(SpanishAdult() with { Sex = sex }, valid, "sex", GuestRuleCodes.SexInvalid);

    [Fact]
    public void TheDateOfBirthIsNotInTheFuture()
    {
        Validate(Minor() with { DateOfBirth = Today });
        Assert.Equal(GuestRuleCodes.DateOfBirthInFuture, Code(Reject(Minor() with { DateOfBirth = Today.AddDays(1) }), "date_of_birth"));
    }

    [Fact]
    public void TheDateOfBirthIsARealDate()
    {
        Validate(SpanishAdult() with { DateOfBirth = GuestLimits.EarliestDateOfBirth });
        Assert.Equal(GuestRuleCodes.DateOfBirthInvalid, Code(Reject(SpanishAdult() with { DateOfBirth = new DateOnly(1899, 12, 31) }), "date_of_birth"));
        Assert.Equal(GuestRuleCodes.DateOfBirthInvalid, Code(Reject(SpanishAdult() with { DateOfBirth = default }), "date_of_birth"));
    }

    [Fact]
    public void TheEighteenthBirthdayOnTheArrivalDateMakesAnAdult()
    {
        var eighteenToday = Arrival.AddYears(-18);
        var eighteenTomorrow = eighteenToday.AddDays(1);

        Assert.False(GuestRules.IsMinor(eighteenToday, Arrival));
        Assert.True(GuestRules.IsMinor(eighteenTomorrow, Arrival));

        // An adult needs a document and no relationship code; a minor the other way round.
        var adult = Reject(Minor() with { DateOfBirth = eighteenToday });
        Assert.Equal(["document_number", "document_type"], adult.Errors.Keys.Order());
        Validate(Minor() with { DateOfBirth = eighteenTomorrow });
        Validate(SpanishAdult() with { DateOfBirth = eighteenToday });
        Assert.Equal(GuestRuleCodes.RelationshipRequired, Code(Reject(SpanishAdult() with { DateOfBirth = eighteenTomorrow }), "relationship_code"));
    }

    [Fact]
    public void TheArrivalDateDecidesWhoIsAMinorNotToday()
    {
        // Seventeen when registering, eighteen on arrival: an adult.
        var dateOfBirth = new DateOnly(2007, 7, 1);

        Assert.True(GuestRules.IsMinor(dateOfBirth, Today));
        Assert.False(GuestRules.IsMinor(dateOfBirth, Arrival));
        Assert.Equal(GuestRuleCodes.DocumentRequired, Code(Reject(Minor() with { DateOfBirth = dateOfBirth }), "document_type"));
    }

    [Theory]
    [InlineData("2026-02-27", true)]
    [InlineData("2026-02-28", false)]
    [InlineData("2026-03-01", false)]
    public void SomeoneBornOnALeapDayComesOfAgeOnTheTwentyEighthOfFebruary(string referenceDate, bool minor) =>
        Assert.Equal(minor, GuestRules.IsMinor(new DateOnly(2008, 2, 29), DateOnly.Parse(referenceDate, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AnAdultNeedsADocumentTypeAndNumber()
    {
        var error = Reject(SpanishAdult() with { DocumentType = null, DocumentNumber = null, DocumentSupportNumber = null });

        Assert.Equal(["document_number", "document_type"], error.Errors.Keys.Order());
        Assert.Equal(GuestRuleCodes.DocumentRequired, Code(error, "document_type"));
        Assert.Equal(GuestRuleCodes.DocumentRequired, Code(error, "document_number"));
        Assert.Equal(GuestRuleCodes.DocumentRequired, Code(Reject(SpanishAdult() with { DocumentNumber = " " }), "document_number"));
        Assert.Equal(GuestRuleCodes.DocumentRequired, Code(Reject(ForeignAdult() with { DocumentType = null }), "document_type"));
        Validate(ForeignAdult());
    }

    [Fact]
    public void AMinorGivesAWholeDocumentOrNone()
    {
        Validate(Minor());
        Validate(Minor() with { DocumentType = "NIF", DocumentNumber = "00000000T", DocumentSupportNumber = "BAA000001" });
        Assert.Equal(GuestRuleCodes.DocumentIncomplete, Code(Reject(Minor() with { DocumentType = "PAS" }), "document_number"));
        Assert.Equal(GuestRuleCodes.DocumentIncomplete, Code(Reject(Minor() with { DocumentNumber = "C01X00T47" }), "document_type"));
        Assert.Equal(GuestRuleCodes.DocumentIncomplete, Code(Reject(Minor() with { DocumentSupportNumber = "BAA000001" }), "document_support_number"));
    }

    [Theory]
    [InlineData("NIF", true)]
    [InlineData("nie", true)]
    [InlineData("PAS", true)]
    [InlineData("OTRO", true)]
    [InlineData("DNI", false)]
    [InlineData("PASAPORTE", false)]
    [InlineData("1", false)]
    public void TheDocumentTypeIsAnSesCode(string type, bool valid)
    {
        var guest = ForeignAdult() with { DocumentType = type, DocumentNumber = "X1234567L", DocumentSupportNumber = "E12345678" };
        if (type.Equals("NIF", StringComparison.OrdinalIgnoreCase))
        {
            guest = SpanishAdult();
        }

        AssertRule(guest, valid, "document_type", GuestRuleCodes.DocumentTypeInvalid);
    }

    [Theory]
    [InlineData("NIF")]
    [InlineData("NIE")]
    public void NifAndNieDocumentsNeedTheSupportNumber(string type)
    {
        var guest = type == "NIF" ? SpanishAdult() : ForeignAdult() with { DocumentType = "NIE", DocumentNumber = "X1234567L", DocumentSupportNumber = "E12345678" };

        Validate(guest);
        Assert.Equal(GuestRuleCodes.DocumentSupportRequired, Code(Reject(guest with { DocumentSupportNumber = null }), "document_support_number"));
        Assert.Equal(GuestRuleCodes.DocumentSupportRequired, Code(Reject(guest with { DocumentSupportNumber = "  " }), "document_support_number"));
    }

    [Fact]
    public void PassportsNeedNoSupportNumberButMayCarryOne()
    {
        Assert.Null(Validate(ForeignAdult() with { DocumentSupportNumber = null }).DocumentSupportNumber);
        Assert.Equal("P123", Validate(ForeignAdult() with { DocumentSupportNumber = "p123" }).DocumentSupportNumber);
    }

    [Theory]
    [InlineData("ABC 12345")]
    [InlineData("ABC-12345")]
    [InlineData("ÁBC12345")]
    public void SupportNumbersAreLettersAndDigits(string support)
    {
        Assert.Equal(GuestRuleCodes.DocumentSupportInvalid, Code(Reject(SpanishAdult() with { DocumentSupportNumber = support }), "document_support_number"));
    }

    [Fact]
    public void ANifNeedsTheSecondSurnameOtherDocumentsDoNot()
    {
        Assert.Equal(GuestRuleCodes.SecondLastNameRequired, Code(Reject(SpanishAdult() with { SecondLastName = null }), "second_last_name"));
        Assert.Equal(GuestRuleCodes.SecondLastNameRequired, Code(Reject(SpanishAdult() with { SecondLastName = " " }), "second_last_name"));
        Validate(ForeignAdult() with { SecondLastName = null, DocumentType = "NIE", DocumentNumber = "X1234567L", DocumentSupportNumber = "E12345678" });
        Validate(ForeignAdult() with { SecondLastName = null });
    }

    [Fact]
    public void ANifIsIssuedOnlyToSpaniards()
    {
        var error = Reject(SpanishAdult() with { NationalityCountryCode = "FR" });

        Assert.Equal(GuestRuleCodes.NifNationality, Code(error, "document_type"));
        Validate(SpanishAdult() with { NationalityCountryCode = "ESP" });
    }

    [Theory]
    [InlineData("12345678Z", true)]
    [InlineData("00000000T", true)]
    [InlineData("99999999R", true)]
    [InlineData("12345678A", false)]
    [InlineData("1234567Z", false)]
    [InlineData("123456789Z", false)]
    [InlineData("X1234567L", false)]
    [InlineData("ABCDEFGHZ", false)]
    public void NifCheckLettersAreValidated(string number, bool valid)
    {
        Assert.Equal(valid, GuestRules.IsValidNif(number));
        AssertRule(SpanishAdult() with { DocumentNumber = number }, valid, "document_number", GuestRuleCodes.NifInvalid);
    }

    [Theory]
    [InlineData("X1234567L", true)]
    [InlineData("Y1234567X", true)]
    [InlineData("Z1234567R", true)]
    [InlineData("Y0000000Z", true)]
    [InlineData("X1234567A", false)]
    [InlineData("W1234567L", false)]
    [InlineData("12345678Z", false)]
    [InlineData("X123456L", false)]
    public void NieCheckLettersAreValidated(string number, bool valid)
    {
        Assert.Equal(valid, GuestRules.IsValidNie(number));
        var guest = ForeignAdult() with { DocumentType = "NIE", DocumentNumber = number, DocumentSupportNumber = "E12345678" };
        AssertRule(guest, valid, "document_number", GuestRuleCodes.NieInvalid);
    }

    [Fact]
    public void CheckLettersMatchTheDniAlgorithm()
    {
        // Independently of the rules' code: the letter is TRWAGMYFPDXBNJZSQVHLCKE[number mod 23].
        const string Letters = "TRWAGMYFPDXBNJZSQVHLCKE";
        var random = new Random(23);
        for (var i = 0; i < 200; i++)
        {
            var value = random.Next(0, 100_000_000);
            var letter = Letters[value % 23];
            Assert.True(GuestRules.IsValidNif($"{value:D8}{letter}"));
            Assert.False(GuestRules.IsValidNif($"{value:D8}{Letters[(value + 1) % 23]}"));
            var nie = value % 30_000_000;
            Assert.True(GuestRules.IsValidNie($"{"XYZ"[nie / 10_000_000]}{nie % 10_000_000:D7}{Letters[nie % 23]}"));
        }
    }

    [Theory]
    [InlineData("AB#123")]
    [InlineData("AB_123")]
    [InlineData("ÑB1234")]
    public void DocumentNumbersAreLettersAndDigits(string number)
    {
        Assert.Equal(GuestRuleCodes.DocumentNumberInvalid, Code(Reject(ForeignAdult() with { DocumentNumber = number }), "document_number"));
        Assert.Equal("AB123", Validate(ForeignAdult() with { DocumentNumber = "ab 12-3" }).DocumentNumber);
    }

    [Fact]
    public void EachGuestNeedsAPhoneOrAnEmail()
    {
        var error = Reject(SpanishAdult() with { Phone = null, Email = null });

        Assert.Equal(["email", "phone"], error.Errors.Keys.Order());
        Assert.Equal(GuestRuleCodes.ContactRequired, Code(error, "phone"));
        Assert.Equal(GuestRuleCodes.ContactRequired, Code(error, "email"));
        Assert.Equal(GuestRuleCodes.ContactRequired, Code(Reject(SpanishAdult() with { Phone = " ", Email = "" }), "email"));
        Validate(SpanishAdult() with { Phone = null });
        Validate(SpanishAdult() with { Email = null });
    }

    [Theory]
    [InlineData("lucia@example.com", true)]
    [InlineData("lucia.martin+stay@mail.example.es", true)]
    [InlineData("lucia@", false)]
    [InlineData("@example.com", false)]
    [InlineData("lucia@example", false)]
    [InlineData("lucia@.example.com", false)]
    [InlineData("lucia@example..com", false)]
    [InlineData("lu cia@example.com", false)]
    [InlineData("lucia@@example.com", false)]
    [InlineData("Lucía <lucia@example.com>", false)]
    public void EmailsAreAddresses(string email, bool valid) =>
        AssertRule(SpanishAdult() with { Email = email, Phone = null }, valid, "email", GuestRuleCodes.EmailInvalid);

    [Theory]
    [InlineData("600111222", true)]
    [InlineData("600 111 222", true)]
    [InlineData("(600) 111-222", true)]
    [InlineData("6001", true)]
    [InlineData("600", false)]
    [InlineData("+34600111222", false)]
    [InlineData("600 111 22x", false)]
    [InlineData("123456789012345678901", false)]
    public void PhonesAreDigits(string phone, bool valid) =>
        AssertRule(SpanishAdult() with { Phone = phone, PhonePrefix = null }, valid, "phone", GuestRuleCodes.PhoneInvalid);

    [Fact]
    public void APhoneWithItsPrefixFitsTwentyCharacters()
    {
        Validate(SpanishAdult() with { PhonePrefix = "+351", Phone = new string('9', 16) });
        Assert.Equal(GuestRuleCodes.PhoneInvalid, Code(Reject(SpanishAdult() with { PhonePrefix = "+351", Phone = new string('9', 17) }), "phone"));
    }

    [Theory]
    [InlineData("+34", "+34")]
    [InlineData("34", "+34")]
    [InlineData("0034", "+34")]
    [InlineData("+1", "+1")]
    [InlineData("+1268", "+1268")]
    [InlineData("+0", null)]
    [InlineData("+12345", null)]
    [InlineData("ES", null)]
    [InlineData("+34 600", null)]
    public void PhonePrefixesAreDiallingCodes(string prefix, string? normalised)
    {
        var guest = SpanishAdult() with { PhonePrefix = prefix };
        if (normalised is null)
        {
            Assert.Equal(GuestRuleCodes.PhonePrefixInvalid, Code(Reject(guest), "phone_prefix"));
        }
        else
        {
            Assert.Equal(normalised, Validate(guest).PhonePrefix);
        }
    }

    [Fact]
    public void APrefixWithoutAPhoneIsDropped()
    {
        var guest = Validate(SpanishAdult() with { Phone = null, PhonePrefix = "+34" });

        Assert.Null(guest.PhonePrefix);
        Assert.Null(guest.SesPhone());
    }

    [Fact]
    public void AMinorNeedsARelationshipCode()
    {
        Assert.Equal(GuestRuleCodes.RelationshipRequired, Code(Reject(Minor() with { RelationshipCode = null }), "relationship_code"));
        Assert.Equal(GuestRuleCodes.RelationshipRequired, Code(Reject(Minor() with { RelationshipCode = " " }), "relationship_code"));
        Validate(Minor() with { RelationshipCode = "TU" });
        Assert.Null(Validate(SpanishAdult() with { RelationshipCode = null }).RelationshipCode);
    }

    [Theory]
    [InlineData("AB", true)]
    [InlineData("pm", true)]
    [InlineData("OT", true)]
    [InlineData("XX", false)]
    [InlineData("HIJO", false)]
    [InlineData("P", false)]
    public void RelationshipCodesComeFromTheSesTable(string code, bool valid)
    {
        AssertRule(Minor() with { RelationshipCode = code }, valid, "relationship_code", GuestRuleCodes.RelationshipInvalid);
        AssertRule(SpanishAdult() with { RelationshipCode = code }, valid, "relationship_code", GuestRuleCodes.RelationshipInvalid);
    }

    [Fact]
    public void TheRelationshipTableIsTheSesOne()
    {
        Assert.Equal(
            ["AB", "BA", "BN", "CD", "CY", "HJ", "HR", "NI", "OT", "PM", "SB", "SG", "TI", "TU", "YN"],
            GuestRelationship.All.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ES", "ESP")]
    [InlineData("esp", "ESP")]
    [InlineData(" Fr ", "FRA")]
    [InlineData("deu", "DEU")]
    [InlineData("gb", "GBR")]
    public void CountriesAcceptAlpha2OrAlpha3AndAreStoredAsAlpha3(string code, string alpha3)
    {
        Assert.Equal(alpha3, Validate(ForeignAdult() with { NationalityCountryCode = code }).NationalityCode);
        if (alpha3 != "ESP")
        {
            Assert.Equal(alpha3, Validate(ForeignAdult() with { ResidenceCountryCode = code }).ResidenceCountryCode);
        }
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("XXX")]
    [InlineData("Spain")]
    [InlineData("724")]
    [InlineData("E")]
    public void UnknownCountriesAreRejected(string code)
    {
        Assert.Equal(GuestRuleCodes.CountryInvalid, Code(Reject(ForeignAdult() with { NationalityCountryCode = code }), "nationality_country_code"));
        Assert.Equal(GuestRuleCodes.CountryInvalid, Code(Reject(ForeignAdult() with { ResidenceCountryCode = code }), "residence_country_code"));
    }

    [Fact]
    public void ASpanishResidenceNeedsAProvinceAndAMunicipality()
    {
        var error = Reject(SpanishAdult() with { ResidenceProvinceId = null, ResidenceCityId = null, ResidenceCity = "Madrid" });

        Assert.Equal(["residence_city_id", "residence_province_id"], error.Errors.Keys.Order());
        Assert.Equal(GuestRuleCodes.ResidenceProvinceRequired, Code(error, "residence_province_id"));
        Assert.Equal(GuestRuleCodes.ResidenceMunicipalityRequired, Code(error, "residence_city_id"));
        Assert.Equal(GuestRuleCodes.ResidenceProvinceRequired, Code(Reject(SpanishAdult() with { ResidenceProvinceId = null }), "residence_province_id"));
        Assert.Equal(GuestRuleCodes.ResidenceMunicipalityRequired, Code(Reject(SpanishAdult() with { ResidenceCityId = null }), "residence_city_id"));
    }

    [Fact]
    public void SpanishResidenceIdsMustExist()
    {
        var error = Reject(SpanishAdult() with { ResidenceProvinceId = Guid.NewGuid(), ResidenceCityId = Guid.NewGuid() });

        Assert.Equal(GuestRuleCodes.ResidenceProvinceUnknown, Code(error, "residence_province_id"));
        Assert.Equal(GuestRuleCodes.ResidenceMunicipalityUnknown, Code(error, "residence_city_id"));

        // A municipality id is not a province id, and the other way round.
        Assert.Equal(GuestRuleCodes.ResidenceProvinceUnknown, Code(Reject(SpanishAdult() with { ResidenceProvinceId = MadridCity }), "residence_province_id"));
        Assert.Equal(GuestRuleCodes.ResidenceMunicipalityUnknown, Code(Reject(SpanishAdult() with { ResidenceCityId = Madrid }), "residence_city_id"));
    }

    [Fact]
    public void TheMunicipalityMustBeInTheProvince()
    {
        var error = Reject(SpanishAdult() with { ResidenceCityId = BarcelonaCity });

        Assert.Equal(["residence_city_id"], error.Errors.Keys);
        Assert.Equal(GuestRuleCodes.ResidenceMunicipalityMismatch, Code(error, "residence_city_id"));

        var barcelona = Validate(SpanishAdult() with { ResidenceProvinceId = GeoIds.Province("08"), ResidenceCityId = BarcelonaCity, ResidencePostalCode = "08001" });
        Assert.Equal(("08", "08019", "Barcelona"), (barcelona.ResidenceProvinceCode, barcelona.ResidenceMunicipalityCode, barcelona.ResidenceCity));
    }

    [Fact]
    public void InSpainTheMunicipalityNameComesFromTheIneNotTheGuest()
    {
        Assert.Equal("Madrid", Validate(SpanishAdult() with { ResidenceCity = "Madrid capital" }).ResidenceCity);
    }

    [Theory]
    [InlineData("28013", true)]
    [InlineData("2801", false)]
    [InlineData("280133", false)]
    [InlineData("28O13", false)]
    public void SpanishPostalCodesHaveFiveDigits(string postalCode, bool valid) =>
        AssertRule(SpanishAdult() with { ResidencePostalCode = postalCode }, valid, "residence_postal_code", GuestRuleCodes.PostalCodeInvalid);

    [Fact]
    public void AForeignResidenceNeedsTheTownAndNoSpanishIds()
    {
        Assert.Equal(GuestRuleCodes.ResidenceCityRequired, Code(Reject(ForeignAdult() with { ResidenceCity = null }), "residence_city"));
        Assert.Equal(GuestRuleCodes.ResidenceCityRequired, Code(Reject(ForeignAdult() with { ResidenceCity = "  " }), "residence_city"));

        var error = Reject(ForeignAdult() with { ResidenceProvinceId = Madrid, ResidenceCityId = MadridCity });
        Assert.Equal(["residence_city_id", "residence_province_id"], error.Errors.Keys.Order());
        Assert.All(error.Errors.Values, messages => Assert.Equal(GuestRuleCodes.ResidenceIdsNotAllowed, GuestRuleCodes.CodeOf(messages[0])));

        Assert.Equal("SW1A 1AA", Validate(ForeignAdult() with { ResidenceCountryCode = "GB", ResidenceCity = "London", ResidencePostalCode = "sw1a 1aa" }).ResidencePostalCode);
    }

    [Fact]
    public void DuplicateDocumentsOnOneBookingAreRejected()
    {
        var lucia = Validate(SpanishAdult());
        var anna = Validate(ForeignAdult());

        GuestRules.EnsureFitsBooking(anna, [lucia], expectedGuests: 3, Arrival);
        var error = Assert.Throws<RequestValidationException>(() => GuestRules.EnsureFitsBooking(lucia with { FirstName = "Otra" }, [lucia, anna], 3, Arrival));
        Assert.Equal(ValidationCode, error.Code);
        Assert.Equal(GuestRuleCodes.DocumentDuplicate, Code(error, "document_number"));

        // Minors without documents are never duplicates of one another.
        var child = Validate(Minor());
        GuestRules.EnsureFitsBooking(child, [child, lucia], 4, Arrival);
    }

    [Fact]
    public void TheAdultCompletingACheckInWithMinorsGivesARelationshipIfNoAdultHas()
    {
        var child = Validate(Minor());
        var lucia = Validate(SpanishAdult());
        var anna = Validate(ForeignAdult());

        // Not the last guest: someone else may still give it.
        GuestRules.EnsureFitsBooking(lucia, [child], expectedGuests: 3, Arrival);

        var error = Assert.Throws<RequestValidationException>(() => GuestRules.EnsureFitsBooking(anna, [child, lucia], 3, Arrival));
        Assert.Equal(GuestRuleCodes.AdultRelationshipRequired, Code(error, "relationship_code"));

        GuestRules.EnsureFitsBooking(anna with { RelationshipCode = "PM" }, [child, lucia], 3, Arrival);
        GuestRules.EnsureFitsBooking(anna, [child, lucia with { RelationshipCode = "PM" }], 3, Arrival);
        GuestRules.EnsureFitsBooking(anna, [lucia], 2, Arrival);

        // A minor completing the check-in could not fix it: accepted.
        GuestRules.EnsureFitsBooking(child, [lucia, anna], 3, Arrival);
    }

    [Fact]
    public void ALoneAdultCompletingAfterTheirChildIsNotAskedWhatTheChildAlreadySaid()
    {
        var child = Validate(Minor());
        var lucia = Validate(SpanishAdult());

        // The child is HJ (child), so the only adult is PM (parent): the register carries that.
        GuestRules.EnsureFitsBooking(lucia, [child], expectedGuests: 2, Arrival);

        // "Other" gives nothing to derive: the adult is asked.
        var error = Assert.Throws<RequestValidationException>(() => GuestRules.EnsureFitsBooking(lucia, [child with { RelationshipCode = "OT" }], 2, Arrival));
        Assert.Equal(GuestRuleCodes.AdultRelationshipRequired, Code(error, "relationship_code"));
    }

    [Theory]
    [InlineData("12345678Z", "*****78Z")]
    [InlineData("X1234567L", "*****67L")]
    [InlineData("C01X00T47", "*****T47")]
    [InlineData("AB1234", "*****34")]
    [InlineData("AB12", "*****2")]
    [InlineData("X1", "*****")]
    [InlineData("123456789012345", "*****345")]
    public void MaskedDocumentNumbersShowOnlyTheLastCharacters(string number, string masked) =>
        Assert.Equal(masked, GuestRules.MaskDocumentNumber(number));

    [Fact]
    public void MaskingNeverRevealsMoreThanAThirdOrThreeCharactersNorTheLength()
    {
        Assert.Null(GuestRules.MaskDocumentNumber(null));
        Assert.Null(GuestRules.MaskDocumentNumber(" "));
        for (var length = 1; length <= GuestLimits.DocumentNumberLength; length++)
        {
            var number = new string('7', length - 1) + "Q";
            var masked = GuestRules.MaskDocumentNumber(number)!;
            var shown = masked[GuestRules.MaskPrefix.Length..];

            Assert.StartsWith(GuestRules.MaskPrefix, masked, StringComparison.Ordinal);
            Assert.True(shown.Length <= Math.Min(3, length / 3), $"{masked} shows too much of a {length}-character number");
            Assert.EndsWith(shown, number, StringComparison.Ordinal);
            Assert.DoesNotContain(number, masked, StringComparison.Ordinal);
            Assert.InRange(masked.Length, GuestRules.MaskPrefix.Length, GuestRules.MaskPrefix.Length + 3);
        }
    }

    [Fact]
    public void TheGeoCatalogueResolvesCodesAndIds()
    {
        Assert.Equal("ESP", Geo.FindCountry("es")?.Alpha3);
        Assert.Equal("ESP", Geo.FindCountry(" ESP ")?.Alpha3);
        Assert.Null(Geo.FindCountry("XX"));
        Assert.Null(Geo.FindCountry(""));
        Assert.Equal("28", Geo.FindProvince(Madrid)?.Code);
        Assert.Null(Geo.FindProvince(MadridCity));
        Assert.Equal(("28079", "28"), (Geo.FindMunicipality(MadridCity)?.Code, Geo.FindMunicipality(MadridCity)?.ProvinceCode));
        Assert.Null(Geo.FindMunicipality(Madrid));
    }

    internal static ValidatedGuest Validate(GuestRegistration guest) => GuestRules.Validate(guest, Arrival, Today, Geo);

    private static RequestValidationException Reject(GuestRegistration guest) =>
        Assert.Throws<RequestValidationException>(() => GuestRules.Validate(guest, Arrival, Today, Geo));

    /// <summary>The rule code of the only message under <paramref name="field"/>.</summary>
    private static string? Code(RequestValidationException error, string field)
    {
        Assert.True(error.Errors.ContainsKey(field), $"No error for {field}; errors: {string.Join("; ", error.Errors.Select(pair => pair.Key + "=" + string.Join("|", pair.Value)))}");
        return GuestRuleCodes.CodeOf(Assert.Single(error.Errors[field]));
    }

    private static void AssertRule(GuestRegistration guest, bool valid, string field, string code)
    {
        if (valid)
        {
            Validate(guest);
        }
        else
        {
            Assert.Equal(code, Code(Reject(guest), field));
        }
    }

    private static GuestRegistration Set(GuestRegistration guest, string field, string? value) => field switch
    {
        "first_name" => guest with { FirstName = value! },
        "last_name" => guest with { LastName = value! },
        "second_last_name" => guest with { SecondLastName = value },
        "sex" => guest with { Sex = value! },
        "nationality_country_code" => guest with { NationalityCountryCode = value! },
        "document_number" => guest with { DocumentNumber = value },
        "document_support_number" => guest with { DocumentSupportNumber = value },
        "residence_address" => guest with { ResidenceAddress = value },
        "residence_country_code" => guest with { ResidenceCountryCode = value },
        "residence_city" => guest with { ResidenceCity = value },
        "residence_postal_code" => guest with { ResidencePostalCode = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
