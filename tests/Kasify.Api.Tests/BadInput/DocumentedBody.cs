using System.Text.Json;

namespace Kasify.Api.Tests.BadInput;

/// <summary>A request body of a documented operation: its content type, its schema's component name (if any) and the resolved schema.</summary>
internal sealed record DocumentedBody(string ContentType, string? SchemaName, JsonElement Schema)
{
    public bool IsJson => ContentType.EndsWith("json", StringComparison.Ordinal);
}
