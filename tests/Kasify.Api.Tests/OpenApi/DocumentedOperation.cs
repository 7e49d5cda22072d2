using System.Text.Json;

namespace Kasify.Api.Tests.OpenApi;

/// <summary>An operation as the OpenAPI document describes it: enough to call it and to check the status codes it declares.</summary>
internal sealed record DocumentedOperation(
    HttpMethod Method,
    string Path,
    IReadOnlyList<JsonElement> PathParameters,
    string? BodyMediaType,
    IReadOnlySet<string> DeclaredStatuses)
{
    public static IEnumerable<DocumentedOperation> ReadAll(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from item in path.Value.EnumerateObject()
        where item.Name != "parameters"
        let operation = item.Value
        select new DocumentedOperation(
            HttpMethod.Parse(item.Name),
            path.Name,
            [.. operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(parameter => parameter.GetProperty("in").GetString() == "path")
                : []],
            operation.TryGetProperty("requestBody", out var body) ? body.GetProperty("content").EnumerateObject().First().Name : null,
            operation.GetProperty("responses").EnumerateObject().Select(response => response.Name).ToHashSet());

    /// <summary>
    /// The path with each parameter filled from its schema: a fresh uuid, the first enum value, or an unknown token. With a
    /// <paramref name="propertyId"/>, the <c>{id}</c> of a <c>/v1/properties/{id}</c> path is that property.
    /// </summary>
    public string Url(Guid? propertyId)
    {
        var url = Path;
        foreach (var parameter in PathParameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var schema = parameter.GetProperty("schema");
            var value =
                name == "id" && propertyId is { } property && Path.StartsWith("/v1/properties/{id}", StringComparison.Ordinal) ? property.ToString()
                : schema.TryGetProperty("enum", out var values) ? values[0].GetString()!
                : schema.TryGetProperty("format", out var format) && format.GetString() == "uuid" ? Guid.NewGuid().ToString()
                : "unknown" + Guid.NewGuid().ToString("N");
            url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return url;
    }
}
