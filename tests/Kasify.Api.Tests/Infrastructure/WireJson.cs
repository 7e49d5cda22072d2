using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kasify.Api.Tests.Infrastructure;

/// <summary>Reads responses in the API's wire format (snake_case names and enum values).</summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
