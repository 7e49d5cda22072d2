using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Api.Bookings;

/// <summary>
/// The fields a booking merge patch may carry (documentation only: <see cref="BookingPatchParser"/> reads the document,
/// because a merge patch must tell an absent field from an explicit null).
/// </summary>
internal sealed class BookingPatchRequest
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public BookingChannel? Channel { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>cancelled frees the dates; confirmed takes them again if they are still free.</summary>
    public BookingStatus? Status { get; init; }

    public PaymentType? PaymentType { get; init; }

    public string? Notes { get; init; }

    public string? GuestFirstName { get; init; }

    public string? GuestLastName { get; init; }

    public string? GuestEmail { get; init; }

    public string? GuestPhone { get; init; }

    public int? AdultsCount { get; init; }

    public int? ChildrenCount { get; init; }

    public int? InfantsCount { get; init; }

    public string? SpecialRequests { get; init; }

    public TimeOnly? ArrivalTime { get; init; }

    public TimeOnly? DepartureTime { get; init; }

    public TimeOnly? CheckinTime { get; init; }

    public TimeOnly? CheckoutTime { get; init; }
}
