using System.ComponentModel.DataAnnotations;
using Kasify.Api.Json;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Api.Bookings;

/// <summary>The body of a booking create: the reference's create fields; only <c>from</c> and <c>to</c> are required.</summary>
internal sealed class BookingRequest : IValidatableRequest
{
    /// <summary>Arrival date, YYYY-MM-DD.</summary>
    [Required]
    public DateOnly? From { get; init; }

    /// <summary>Departure date, YYYY-MM-DD; after <c>from</c>.</summary>
    [Required]
    public DateOnly? To { get; init; }

    /// <summary>Where the booking came from (manual when absent).</summary>
    public BookingChannel? Channel { get; init; }

    /// <summary>The channel's own reservation id.</summary>
    [MaxLength(BookingLimits.ChannelIdLength)]
    public string? ChannelId { get; init; }

    /// <summary>confirmed (when absent) or cancelled.</summary>
    public BookingStatus? Status { get; init; }

    /// <summary>SES payment type code.</summary>
    public PaymentType? PaymentType { get; init; }

    [MaxLength(BookingLimits.TextLength), FreeText]
    public string? Notes { get; init; }

    [MaxLength(BookingLimits.NameLength)]
    public string? GuestFirstName { get; init; }

    [MaxLength(BookingLimits.NameLength)]
    public string? GuestLastName { get; init; }

    [MaxLength(BookingLimits.EmailLength)]
    public string? GuestEmail { get; init; }

    [MaxLength(BookingLimits.PhoneLength)]
    public string? GuestPhone { get; init; }

    /// <summary>Adults (1 when absent); adults + children + infants is at least 1.</summary>
    [Range(0, BookingLimits.MaxGuestsPerCount)]
    public int? AdultsCount { get; init; }

    /// <summary>Children (0 when absent).</summary>
    [Range(0, BookingLimits.MaxGuestsPerCount)]
    public int? ChildrenCount { get; init; }

    /// <summary>Infants (0 when absent).</summary>
    [Range(0, BookingLimits.MaxGuestsPerCount)]
    public int? InfantsCount { get; init; }

    [MaxLength(BookingLimits.TextLength), FreeText]
    public string? SpecialRequests { get; init; }

    /// <summary>Expected arrival time, HH:mm, local to the property.</summary>
    public TimeOnly? ArrivalTime { get; init; }

    /// <summary>Expected departure time, HH:mm, local to the property.</summary>
    public TimeOnly? DepartureTime { get; init; }

    /// <summary>This booking's check-in time, HH:mm, when it differs from the property's.</summary>
    public TimeOnly? CheckinTime { get; init; }

    /// <summary>This booking's check-out time, HH:mm, when it differs from the property's.</summary>
    public TimeOnly? CheckoutTime { get; init; }

    public BookingDetails ToDetails() => new(
        From!.Value,
        To!.Value,
        Channel ?? BookingChannel.Manual,
        ChannelId,
        Status ?? BookingStatus.Confirmed,
        PaymentType,
        Notes,
        GuestFirstName,
        GuestLastName,
        GuestEmail,
        GuestPhone,
        AdultsCount ?? BookingLimits.DefaultAdults,
        ChildrenCount ?? 0,
        InfantsCount ?? 0,
        SpecialRequests,
        ArrivalTime,
        DepartureTime,
        CheckinTime,
        CheckoutTime);
}
