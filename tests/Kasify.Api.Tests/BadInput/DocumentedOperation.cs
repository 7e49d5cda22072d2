using System.Text.Json;

namespace Kasify.Api.Tests.BadInput;

/// <summary>
/// One operation of the OpenAPI document: its method, path template, parameters and request bodies (one per content
/// type and, for a <c>oneOf</c> body, per alternative schema).
/// </summary>
internal sealed record DocumentedOperation(
    string Method, string Template, IReadOnlyList<DocumentedParameter> Parameters, IReadOnlyList<DocumentedBody> Bodies)
{
    public string Name => $"{Method} {Template}";

    /// <summary>Every operation of <paramref name="document"/> outside <paramref name="excludedPrefix"/>, in document order.</summary>
    public static IReadOnlyList<DocumentedOperation> ReadAll(JsonElement document, string excludedPrefix)
    {
        var schemas = new WireSchemas(document);
        var operations = new List<DocumentedOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (path.Name.StartsWith(excludedPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var declared)
                    ? declared.EnumerateArray()
                        .Select(parameter => new DocumentedParameter(
                            parameter.GetProperty("name").GetString()!,
                            parameter.GetProperty("in").GetString()!,
                            schemas.Resolve(parameter.GetProperty("schema"))))
                        .ToList()
                    : [];
                operations.Add(new DocumentedOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, ReadBodies(operation.Value, schemas)));
            }
        }

        return operations;
    }

    private static List<DocumentedBody> ReadBodies(JsonElement operation, WireSchemas schemas)
    {
        var bodies = new List<DocumentedBody>();
        if (!operation.TryGetProperty("requestBody", out var requestBody))
        {
            return bodies;
        }

        foreach (var content in requestBody.GetProperty("content").EnumerateObject())
        {
            var schema = content.Value.GetProperty("schema");
            var alternatives = schema.TryGetProperty("oneOf", out var oneOf) ? [.. oneOf.EnumerateArray()] : new[] { schema };
            foreach (var alternative in alternatives.Where(candidate => !WireSchemas.IsNullOnly(candidate)))
            {
                bodies.Add(new DocumentedBody(content.Name, WireSchemas.ReferenceName(alternative), schemas.Resolve(alternative)));
            }
        }

        return bodies;
    }
}
