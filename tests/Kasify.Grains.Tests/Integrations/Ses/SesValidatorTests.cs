using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.CheckIn;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>The service's rules are checked before building, and every broken rule is listed.</summary>
public sealed class SesValidatorTests
{
    private static SesRuleViolation[] Violations(SesGuestRegister register) =>
        [.. Assert.Throws<SesValidationException>(() => SesPayloads.GuestRegister(register)).Violations];

    private static SesRuleViolation[] Violations(SesBookingReport report) =>
        [.. Assert.Throws<SesValidationException>(() => SesPayloads.BookingReport(report)).Violations];

    private static void AssertRule(IEnumerable<SesRuleViolation> violations, string rule, string pathEnd) =>
        Assert.Contains(violations, v => v.Rule == rule && v.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    [Fact]
    public void AdultWithoutDocumentIsRejected()
    {
        var violations = Violations(SesSamples.Register(SesSamples.Tourist with { DocumentType = null, DocumentNumber = null }));

        AssertRule(violations, "required", ".tipoDocumento");
        AssertRule(violations, "required", ".numeroDocumento");
    }

    [Theory]
    [InlineData(GuestDocumentType.Nif, "12345678A")]
    [InlineData(GuestDocumentType.Nie, "X1234567A")]
    [InlineData(GuestDocumentType.Nie, "A1234567L")]
    public void BadNifOrNieChecksumIsRejected(string type, string number)
    {
        var guest = SesSamples.Mother with { DocumentType = type, DocumentNumber = number, Relationship = null };

        AssertRule(Violations(SesSamples.Register(guest)), "document.checksum", ".numeroDocumento");
    }

    [Fact]
    public void NifNeedsSupportNumberAndSecondSurname()
    {
        var guest = SesSamples.Mother with { SupportNumber = null, LastName2 = null, Relationship = null };

        var violations = Violations(SesSamples.Register(guest));

        AssertRule(violations, "required", ".soporteDocumento");
        AssertRule(violations, "required", ".apellido2");
    }

    [Fact]
    public void NifHolderMustBeSpanish()
    {
        var guest = SesSamples.Mother with { Nationality = "FRA", Relationship = null };

        AssertRule(Violations(SesSamples.Register(guest)), "document.nif-nationality", ".nacionalidad");
    }

    [Fact]
    public void NieNeedsSupportNumberButNotSecondSurname()
    {
        var guest = SesSamples.Tourist with { DocumentType = GuestDocumentType.Nie, DocumentNumber = "X1234567L" };

        var violations = Violations(SesSamples.Register(guest));

        AssertRule(violations, "required", ".soporteDocumento");
        Assert.DoesNotContain(violations, v => v.Path.EndsWith(".apellido2", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownCodesAreRejected()
    {
        var guest = SesSamples.Tourist with { DocumentType = "DNI", Sex = "F", Relationship = "XX" };
        var register = SesSamples.Register(guest);
        register = register with
        {
            Stays = [register.Stays[0] with { Contract = register.Stays[0].Contract with { Payment = new SesPayment("TA") } }],
        };

        var violations = Violations(register);

        AssertRule(violations, "code.unknown", ".tipoDocumento");
        AssertRule(violations, "code.unknown", ".sexo");
        AssertRule(violations, "code.unknown", ".parentesco");
        AssertRule(violations, "code.unknown", ".tipoPago");
    }

    [Fact]
    public void MinorNeedsAnAdultWithParentesco()
    {
        var violations = Violations(SesSamples.Register(SesSamples.Mother with { Relationship = null }, SesSamples.Son));

        AssertRule(violations, "relationship.minor", "stays[0]");
    }

    [Fact]
    public void AgeIsTakenOnTheArrivalDate()
    {
        // Turns 18 on the day of arrival, so counts as an adult who needs a document.
        var guest = SesSamples.Son with { BirthDate = new DateOnly(2007, 7, 14), Relationship = null };

        AssertRule(Violations(SesSamples.Register(guest)), "required", ".tipoDocumento");
    }

    [Fact]
    public void GuestCountMustMatchNumPersonas()
    {
        var register = SesSamples.Register(SesSamples.Tourist);
        register = register with { Stays = [register.Stays[0] with { Contract = register.Stays[0].Contract with { People = 3 } }] };

        AssertRule(Violations(register), "guests.count", "stays[0]");
    }

    [Fact]
    public void EveryGuestNeedsAContact()
    {
        var guest = SesSamples.Tourist with { Email = null, Phone = null, Phone2 = null };

        AssertRule(Violations(SesSamples.Register(guest)), "contact.required", "guests[0]");
    }

    [Fact]
    public void SpanishAddressNeedsTheIneCodeAndForeignTheTownName()
    {
        var spanish = SesSamples.Tourist with { Address = SesSamples.Madrid with { MunicipalityCode = null } };
        var foreign = SesSamples.Tourist with { Address = SesSamples.Berlin with { MunicipalityName = null, MunicipalityCode = "11000" } };

        AssertRule(Violations(SesSamples.Register(spanish)), "municipality.code", ".codigoMunicipio");
        var violations = Violations(SesSamples.Register(foreign));
        AssertRule(violations, "required", ".nombreMunicipio");
        AssertRule(violations, "municipality.foreign", ".codigoMunicipio");
    }

    [Fact]
    public void LengthsAndFormatsAreChecked()
    {
        var guest = SesSamples.Tourist with
        {
            FirstName = new string('a', 51),
            DocumentNumber = new string('1', 16),
            Email = "no-at-sign",
            Nationality = "DE",
        };

        var violations = Violations(SesSamples.Register(guest));

        AssertRule(violations, "length", ".nombre");
        AssertRule(violations, "length", ".numeroDocumento");
        AssertRule(violations, "email.format", ".correo");
        AssertRule(violations, "country.format", ".nacionalidad");
    }

    [Fact]
    public void DatesAndCardExpiryAreChecked()
    {
        var register = SesSamples.Register(SesSamples.Tourist);
        var contract = register.Stays[0].Contract with
        {
            CheckOut = register.Stays[0].Contract.CheckIn,
            Payment = new SesPayment(SesPaymentType.Card, CardExpiry: "13/2027"),
        };
        register = register with { Stays = [register.Stays[0] with { Contract = contract }] };

        var violations = Violations(register);

        AssertRule(violations, "dates.order", ".fechaSalida");
        AssertRule(violations, "card-expiry.format", ".caducidadTarjeta");
    }

    [Fact]
    public void RegisterGuestsAreTravellersWithoutDuplicateDocuments()
    {
        var violations = Violations(SesSamples.Register(SesSamples.Tourist with { Role = SesRole.Holder }, SesSamples.Tourist));

        AssertRule(violations, "role.traveller", "guests[0].rol");
        AssertRule(violations, "document.duplicate", "stays[0]");
    }

    [Fact]
    public void BookingNeedsExactlyOneHolderAndNoRegisterOnlyFields()
    {
        var violations = Violations(SesSamples.Booking(SesSamples.Tourist with { SupportNumber = "X", Relationship = "PM" }));

        AssertRule(violations, "role.holder", "bookings[0]");
        AssertRule(violations, "booking.fields", "people[0]");
    }

    [Fact]
    public void BookingHolderNeedsOnlyNamesAndAContact()
    {
        var holder = new SesPerson(SesRole.Holder, "Anna", "Schmidt", Phone: "+4930123456");

        Assert.NotNull(SesPayloads.BookingReport(SesSamples.Booking(holder)));
        Assert.Contains(
            Violations(SesSamples.Booking(holder with { Phone = null })),
            v => v.Rule == "contact.required");
    }

    [Fact]
    public void EmptyRequestsAreRejected()
    {
        AssertRule(Violations(new SesGuestRegister("0000123457", [])), "communications.count", "stays");
        AssertRule(Violations(new SesBookingReport([])), "communications.count", "bookings");
    }

    [Fact]
    public void ExceptionMessageListsEveryViolation()
    {
        var exception = Assert.Throws<SesValidationException>(
            () => SesPayloads.GuestRegister(SesSamples.Register(SesSamples.Tourist with { Email = null, Sex = "F" })));

        Assert.Equal(2, exception.Violations.Count);
        Assert.Contains("contact.required", exception.Message, StringComparison.Ordinal);
        Assert.Contains("code.unknown", exception.Message, StringComparison.Ordinal);
    }
}
