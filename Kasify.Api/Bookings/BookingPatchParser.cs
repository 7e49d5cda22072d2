using System.Collections.Immutable;
using Kasify.Api.Common;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Api.Bookings;

/// <summary>Reads a JSON merge patch (RFC 7396) of a booking: absent fields stay, null clears, others replace.</summary>
internal static class BookingPatchParser
{
    // Fields of a booking response that Kasify sets; a client that sends one back is told so rather than "unknown".
    private static readonly ImmutableHashSet<string> ReadOnlyFields =
    [
        "id", "property_id", "checkin_code", "created_at", "updated_at", "checkin_completed_at", "last_sync_at",
        "guests_number", "arrival_at", "departure_at",
    ];

    public static BookingPatch Parse(MergePatchDocument document)
    {
        document.Reject(ReadOnlyFields, "Read-only; set by Kasify.");
        var patch = new BookingPatch(
            document.Read<DateOnly?>("from"),
            document.Read<DateOnly?>("to"),
            document.Read<BookingChannel?>("channel"),
            document.Read<string>("channel_id"),
            document.Read<BookingStatus?>("status"),
            document.Read<PaymentType?>("payment_type"),
            document.ReadFreeText("notes"),
            document.Read<string>("guest_first_name"),
            document.Read<string>("guest_last_name"),
            document.Read<string>("guest_email"),
            document.Read<string>("guest_phone"),
            document.Read<int?>("adults_count"),
            document.Read<int?>("children_count"),
            document.Read<int?>("infants_count"),
            document.ReadFreeText("special_requests"),
            document.Read<TimeOnly?>("arrival_time"),
            document.Read<TimeOnly?>("departure_time"),
            document.Read<TimeOnly?>("checkin_time"),
            document.Read<TimeOnly?>("checkout_time"));
        document.EnsureValid();
        return patch;
    }
}
