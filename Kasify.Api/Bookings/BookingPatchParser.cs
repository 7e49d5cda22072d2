using System.Collections.Immutable;
using System.Text.Json;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;

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

    public static BookingPatch Parse(JsonElement document, JsonSerializerOptions options)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            throw new RequestValidationException("validation.failed", "body", "A merge patch is a JSON object.");
        }

        var errors = new Dictionary<string, string[]>();
        var fields = new Dictionary<string, JsonElement>();
        foreach (var property in document.EnumerateObject())
        {
            if (ReadOnlyFields.Contains(property.Name))
            {
                errors[property.Name] = ["Read-only; set by Kasify."];
            }
            else
            {
                fields[property.Name] = property.Value;
            }
        }

        var patch = new BookingPatch(
            Read<DateOnly?>(fields, errors, "from", options),
            Read<DateOnly?>(fields, errors, "to", options),
            Read<BookingChannel?>(fields, errors, "channel", options),
            Read<string>(fields, errors, "channel_id", options),
            Read<BookingStatus?>(fields, errors, "status", options),
            Read<PaymentType?>(fields, errors, "payment_type", options),
            Read<string>(fields, errors, "notes", options),
            Read<string>(fields, errors, "guest_first_name", options),
            Read<string>(fields, errors, "guest_last_name", options),
            Read<string>(fields, errors, "guest_email", options),
            Read<string>(fields, errors, "guest_phone", options),
            Read<int?>(fields, errors, "adults_count", options),
            Read<int?>(fields, errors, "children_count", options),
            Read<int?>(fields, errors, "infants_count", options),
            Read<string>(fields, errors, "special_requests", options),
            Read<TimeOnly?>(fields, errors, "arrival_time", options),
            Read<TimeOnly?>(fields, errors, "departure_time", options),
            Read<TimeOnly?>(fields, errors, "checkin_time", options),
            Read<TimeOnly?>(fields, errors, "checkout_time", options));

        foreach (var unknown in fields.Keys)
        {
            errors[unknown] = ["Unknown field."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "The patch has invalid fields.", errors.ToImmutableDictionary());
        }

        return patch;
    }

    private static Patch<T> Read<T>(Dictionary<string, JsonElement> fields, Dictionary<string, string[]> errors, string name, JsonSerializerOptions options)
    {
        if (!fields.Remove(name, out var value))
        {
            return default;
        }

        try
        {
            return Patch<T>.Set(value.Deserialize<T>(options));
        }
        catch (JsonException)
        {
            errors[name] = ["Not a valid value for this field."];
            return default;
        }
    }
}
