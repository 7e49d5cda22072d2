using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.CheckIn;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>Valid registers and bookings that tests vary with <c>with</c>.</summary>
internal static class SesSamples
{
    public static readonly SesAddress Madrid = new("Calle Mayor 10, 3B", null, "28079", null, "28013", "ESP");

    public static readonly SesAddress Berlin = new("Hauptstr. 5", null, null, "Berlin", "10115", "DEU");

    public static readonly SesContract Contract = new(
        "BK-2025-0042",
        new DateOnly(2025, 6, 2),
        new DateTime(2025, 7, 14, 17, 30, 0),
        new DateTime(2025, 7, 21, 10, 0, 0),
        2,
        2,
        true,
        new SesPayment(SesPaymentType.Card, new DateOnly(2025, 6, 2), "VISA ****4242", "Lucía Martín Ruiz", "08/2027"));

    public static readonly SesPerson Mother = new(
        SesRole.Traveller,
        "Lucía",
        "Martín",
        "Ruiz",
        GuestDocumentType.Nif,
        "12345678Z",
        "ABC123456",
        new DateOnly(1985, 3, 9),
        "ESP",
        GuestSex.Female,
        Madrid,
        Phone: "+34600111222",
        Email: "lucia@example.com",
        Relationship: GuestRelationship.Parent);

    public static readonly SesPerson Son = new(
        SesRole.Traveller,
        "Pablo",
        "García",
        "Martín",
        BirthDate: new DateOnly(2016, 5, 20),
        Nationality: "ESP",
        Sex: GuestSex.Male,
        Address: Madrid,
        Phone: "+34600111222",
        Relationship: GuestRelationship.Child);

    public static readonly SesPerson Tourist = new(
        SesRole.Traveller,
        "Anna",
        "Schmidt",
        DocumentType: GuestDocumentType.Passport,
        DocumentNumber: "C01X00T47",
        BirthDate: new DateOnly(1990, 1, 31),
        Nationality: "DEU",
        Sex: GuestSex.Other,
        Address: Berlin,
        Email: "anna@example.org");

    public static SesGuestRegister Register(params SesPerson[] guests) =>
        new("0000123457", [new SesStay(Contract with { People = guests.Length }, guests)]);

    public static SesBookingReport Booking(params SesPerson[] people) =>
        new([new SesBooking(SesEstablishment.Registered("0000123457"), Contract with { People = people.Length }, people)]);
}
