using System.Text.Json;

namespace Kasify.Api.Tests.BadInput;

/// <summary>Reads the JSON schemas of an OpenAPI document: follows <c>$ref</c>s and unwraps the nullable <c>oneOf</c> the generator writes.</summary>
internal sealed class WireSchemas(JsonElement document)
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>The schema behind references and a <c>oneOf</c> of null and one other schema.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var depth = 0; depth < 16; depth++)
        {
            if (ReferenceName(schema) is { } name)
            {
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
            }
            else if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.EnumerateArray().Count(item => !IsNullOnly(item)) == 1)
            {
                schema = oneOf.EnumerateArray().Single(item => !IsNullOnly(item));
            }
            else
            {
                return schema;
            }
        }

        throw new InvalidOperationException("The schema's references do not end.");
    }

    /// <summary>The component a schema refers to, or null.</summary>
    public static string? ReferenceName(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } text && text.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? text[ComponentPrefix.Length..]
            : null;

    /// <summary>True for <c>{"type": "null"}</c>.</summary>
    public static bool IsNullOnly(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    /// <summary>What a value of the schema is: string, integer, number, boolean, object, array, enum or any (a time has no type).</summary>
    public static string Kind(JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out _))
        {
            return "enum";
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return Format(schema) is null ? "any" : "string";
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(item => item.GetString()).First(name => name != "null")!
            : type.GetString()!;
    }

    public static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    public static int? MaxLength(JsonElement schema) => schema.TryGetProperty("maxLength", out var max) ? max.GetInt32() : null;

    /// <summary>The declared properties of an object schema, in document order.</summary>
    public IReadOnlyList<(string Name, JsonElement Schema)> Properties(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject().Select(property => (property.Name, Resolve(property.Value)))]
            : [];
}
