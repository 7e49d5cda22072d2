using System.Collections.Immutable;
using System.Text.Json;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Rentals;

/// <summary>Reads a JSON merge patch (RFC 7396) of a property: absent fields stay, null clears, others replace.</summary>
internal static class PropertyPatchParser
{
    // Fields a client may know from create/PUT but may not patch: geo data and the iCal integrations are replaced with PUT.
    private static readonly ImmutableHashSet<string> PutOnlyFields =
        ["city", "country_code", "province_id", "city_id", "airbnb_ical_url", "booking_ical_url", "time_zone"];

    public static PropertyPatch Parse(JsonElement document, JsonSerializerOptions options)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            throw new RequestValidationException("validation.failed", "body", "A merge patch is a JSON object.");
        }

        var errors = new Dictionary<string, string[]>();
        var fields = new Dictionary<string, JsonElement>();
        foreach (var property in document.EnumerateObject())
        {
            if (PutOnlyFields.Contains(property.Name))
            {
                errors[property.Name] = ["Not accepted in a patch; use PUT."];
            }
            else
            {
                fields[property.Name] = property.Value;
            }
        }

        var patch = new PropertyPatch(
            Read<string>(fields, errors, "name", options),
            Read<string>(fields, errors, "address", options),
            Read<string>(fields, errors, "zip_code", options),
            Read<Guid?>(fields, errors, "default_cleaner_id", options),
            Read<string>(fields, errors, "ses_establishment_code", options),
            Read<string>(fields, errors, "ses_establishment_type", options),
            Read<bool?>(fields, errors, "has_internet", options),
            Read<int?>(fields, errors, "rooms_count", options),
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
            errors[name] = ["Wrong type."];
            return default;
        }
    }
}
