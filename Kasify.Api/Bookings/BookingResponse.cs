using System.Text.Json.Serialization;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Api.Bookings;

/// <summary>
/// A booking, fields in the reference's (v-new) order, then Kasify's additions: the property, the guest count and the
/// stay's instants in the property's time zone. For staff the guest's personal data, the free texts and the check-in
/// code are null. The <c>ses_*</c> fields track the booking's SES.HOSPEDAJES communications (<c>ses_missing_fields</c>:
/// what an <c>incomplete</c> one still lacks, by field name only); the booking's own endpoint adds each communication
/// (<c>ses_communications</c>), with per-guest results for owners and managers.
/// </summary>
internal sealed record BookingResponse(
    Guid Id,
    DateOnly From,
    DateOnly To,
    BookingChannel Channel,
    string? ChannelId,
    string? CheckinCode,
    BookingStatus Status,
    DateTimeOffset CreatedAt,
    PaymentType? PaymentType,
    string? Notes,
    string? GuestFirstName,
    string? GuestLastName,
    string? GuestEmail,
    string? GuestPhone,
    int AdultsCount,
    int ChildrenCount,
    int InfantsCount,
    string? SpecialRequests,
    TimeOnly? ArrivalTime,
    TimeOnly? DepartureTime,
    TimeOnly? CheckinTime,
    TimeOnly? CheckoutTime,
    DateTimeOffset? CheckinCompletedAt,
    DateTimeOffset? LastSyncAt,
    DateTimeOffset? SesSubmittedAt,
    string? SesBatchId,
    DateTimeOffset? SesLastAttemptAt,
    string? SesLastError,
    SesStatus SesStatus,
    IReadOnlyList<string> SesMissingFields,
    Guid PropertyId,
    int GuestsNumber,
    DateTimeOffset ArrivalAt,
    DateTimeOffset DepartureAt,
    DateTimeOffset UpdatedAt,
    string? Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SesCommunicationResponse>? SesCommunications = null)
{
    /// <summary>The booking with each of its SES.HOSPEDAJES communications, for the booking's own endpoint.</summary>
    public static BookingResponse Detailed(BookingDto booking) =>
        Of(booking) with { SesCommunications = [.. booking.Ses.Communications.Select(SesCommunicationResponse.Of)] };

    public static BookingResponse Of(BookingDto booking)
    {
        var details = booking.Details;
        return new BookingResponse(
            booking.Id,
            details.From,
            details.To,
            details.Channel,
            details.ChannelId,
            booking.CheckinCode,
            details.Status,
            booking.CreatedAt,
            details.PaymentType,
            details.Notes,
            details.GuestFirstName,
            details.GuestLastName,
            details.GuestEmail,
            details.GuestPhone,
            details.AdultsCount,
            details.ChildrenCount,
            details.InfantsCount,
            details.SpecialRequests,
            details.ArrivalTime,
            details.DepartureTime,
            details.CheckinTime,
            details.CheckoutTime,
            booking.CheckinCompletedAt,
            booking.LastSyncAt,
            booking.Ses.SubmittedAt,
            booking.Ses.BatchId,
            booking.Ses.LastAttemptAt,
            booking.Ses.LastError,
            booking.Ses.Status,
            booking.Ses.MissingFields,
            booking.PropertyId,
            details.GuestsNumber,
            booking.ArrivalAt,
            booking.DepartureAt,
            booking.UpdatedAt,
            booking.Source);
    }
}
