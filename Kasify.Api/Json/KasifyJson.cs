using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Kasify.Api.Json;

/// <summary>The wire format: snake_case names and enum values, times of day as "HH:mm", the rules of <see cref="WireValues"/>, and partial responses (<see cref="IPartialResponse"/>).</summary>
internal static class KasifyJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new HourMinuteTimeConverter());
        options.NumberHandling = JsonNumberHandling.Strict;

        // A misspelt field is an error the client should hear about, not a value silently dropped; so is a field given twice.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(WireValues.AddChecks)
            .WithAddedModifier(PartialResponses.LeaveOutHiddenFields);
    }
}
