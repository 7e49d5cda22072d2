using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Api.Bookings;

/// <summary>
/// A booking, fields in the reference's (v-new) order, then Kasify's additions: the property, the guest count and the
/// stay's instants in the property's time zone. For staff the guest's personal data, the free texts and the check-in
/// code are null.
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
    Guid PropertyId,
    int GuestsNumber,
    DateTimeOffset ArrivalAt,
    DateTimeOffset DepartureAt,
    DateTimeOffset UpdatedAt)
{
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
            booking.PropertyId,
            details.GuestsNumber,
            booking.ArrivalAt,
            booking.DepartureAt,
            booking.UpdatedAt);
    }
}
