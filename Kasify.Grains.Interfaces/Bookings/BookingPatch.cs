using Kasify.Grains.Interfaces.Common;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// A JSON merge patch of a booking: only fields that are set change, and null clears an optional field. Setting a
/// required field (dates, channel, status, counts) to null is a field error.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.BookingPatch")]
public sealed record BookingPatch(
    Patch<DateOnly?> From,
    Patch<DateOnly?> To,
    Patch<BookingChannel?> Channel,
    Patch<string> ChannelId,
    Patch<BookingStatus?> Status,
    Patch<PaymentType?> PaymentType,
    Patch<string> Notes,
    Patch<string> GuestFirstName,
    Patch<string> GuestLastName,
    Patch<string> GuestEmail,
    Patch<string> GuestPhone,
    Patch<int?> AdultsCount,
    Patch<int?> ChildrenCount,
    Patch<int?> InfantsCount,
    Patch<string> SpecialRequests,
    Patch<TimeOnly?> ArrivalTime,
    Patch<TimeOnly?> DepartureTime,
    Patch<TimeOnly?> CheckinTime,
    Patch<TimeOnly?> CheckoutTime);
