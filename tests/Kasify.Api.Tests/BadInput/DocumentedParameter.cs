using System.Text.Json;

namespace Kasify.Api.Tests.BadInput;

/// <summary>A path or query parameter of a documented operation, with its resolved schema.</summary>
internal sealed record DocumentedParameter(string Name, string In, JsonElement Schema)
{
    public bool InPath => In == "path";

    public bool InQuery => In == "query";
}
