using System.Text.Json.Serialization;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// Every field of a booking that its host sets: on create, and merged with a <see cref="BookingPatch"/> on update.
/// Dates are nights [<see cref="From"/>, <see cref="To"/>): the guest arrives on From and leaves on To. Times of day
/// are local to the property; null means "use the next default" (arrival_time, then checkin_time, then the property's).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.BookingDetails")]
public sealed record BookingDetails(
    DateOnly From,
    DateOnly To,
    BookingChannel Channel,
    string? ChannelId,
    BookingStatus Status,
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
    TimeOnly? CheckoutTime)
{
    /// <summary>Everyone staying: adults, children and infants.</summary>
    [JsonIgnore] // derived: kept out of stored state
    public int GuestsNumber => AdultsCount + ChildrenCount + InfantsCount;

    /// <summary>Whether the booking holds its dates (it is not cancelled).</summary>
    [JsonIgnore]
    public bool IsActive => Status != BookingStatus.Cancelled;

    /// <summary>Whether guests stay (it is neither cancelled nor a block): what cleaning, codes, check-in and reports follow.</summary>
    [JsonIgnore]
    public bool IsStay => Status == BookingStatus.Confirmed;
}
