using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kasify.Grains.CheckIn;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.SesReporting;

/// <summary>
/// Turns a booking, its property's establishment data and its guests into the Ministry's domain records, and
/// fingerprints what they report. Pure: the booking's SES grain decides when to call it.
/// </summary>
internal static class SesCommunicationBuilder
{
    private static readonly JsonSerializerOptions FingerprintJson = new(JsonSerializerDefaults.General);

    /// <summary>The booking report (RH): the establishment, the contract and the booking's holder.</summary>
    public static SesBookingReport BookingReport(Guid bookingId, BookingSesSource source, PropertySesFacts facts)
    {
        var details = source.Details;
        var holder = new SesPerson(
            SesRole.Holder,
            details.GuestFirstName ?? "",
            details.GuestLastName ?? "",
            Phone: details.GuestPhone,
            Email: details.GuestEmail);
        return new SesBookingReport([
            new SesBooking(SesEstablishment.Registered(facts.EstablishmentCode ?? ""), Contract(bookingId, source, facts), [holder])]);
    }

    /// <summary>
    /// The guest register (PV): one stay with every registered guest, the party's only adult carrying the relationship
    /// that follows from the minors' codes when they gave none (<see cref="TravellerRules.DerivedAdultRelationship"/>).
    /// </summary>
    public static SesGuestRegister GuestRegister(Guid bookingId, BookingSesSource source, PropertySesFacts facts, IReadOnlyList<ValidatedGuest> guests)
    {
        var party = TravellerRules.WithDerivedRelationships([.. guests.Select(guest => Traveller.Of(guest, source.Details.From))]);
        return new(facts.EstablishmentCode ?? "", [new SesStay(Contract(bookingId, source, facts), [.. guests.Select((guest, i) => Guest(guest, party[i].Relationship))])]);
    }

    /// <summary>A stable hash of what a communication reports: equal content, equal fingerprint.</summary>
    public static string Fingerprint<T>(T content) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content, FingerprintJson))));

    /// <summary>The <c>tipoPago</c> code: the booking's payment type, else the channel's usual way of paying.</summary>
    public static string PaymentCode(BookingDetails details) => details.PaymentType switch
    {
        PaymentType.Cash => SesPaymentType.Cash,
        PaymentType.Card => SesPaymentType.Card,
        PaymentType.Platform => SesPaymentType.Platform,
        PaymentType.Transfer => SesPaymentType.Transfer,
        PaymentType.Mobile => SesPaymentType.Mobile,
        PaymentType.GiftCard => SesPaymentType.GiftCard,
        PaymentType.AtDestination => SesPaymentType.AtDestination,
        PaymentType.Other => SesPaymentType.Other,

        // Bookings from the platforms are paid through them; anything else is unknown, which the table spells OTRO.
        null when details.Channel is BookingChannel.Airbnb or BookingChannel.Booking or BookingChannel.Vrbo => SesPaymentType.Platform,
        _ => SesPaymentType.Other,
    };

    private static SesContract Contract(Guid bookingId, BookingSesSource source, PropertySesFacts facts)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(facts.Schedule.TimeZone);
        return new SesContract(
            bookingId.ToString("N"),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(source.CreatedAt, zone).DateTime),

            // The instants carry the property's offset, so their clock time is the local one the Ministry expects.
            source.ArrivalAt.DateTime,
            source.DepartureAt.DateTime,
            source.Details.GuestsNumber,
            facts.RoomsCount is > 0 ? facts.RoomsCount : null,
            facts.HasInternet,
            new SesPayment(PaymentCode(source.Details)));
    }

    private static SesPerson Guest(ValidatedGuest guest, string? relationship) => new(
        SesRole.Traveller,
        guest.FirstName,
        guest.LastName,
        guest.SecondLastName,
        guest.DocumentType,
        guest.DocumentNumber,
        guest.DocumentSupportNumber,
        guest.DateOfBirth,
        guest.NationalityCode,
        guest.Sex,
        new SesAddress(
            guest.ResidenceAddress,
            null,
            guest.ResidenceMunicipalityCode,
            guest.ResidenceMunicipalityCode is null ? guest.ResidenceCity : null,
            guest.ResidencePostalCode,
            guest.ResidenceCountryCode),
        guest.SesPhone(),
        Email: guest.Email,
        Relationship: relationship);
}
