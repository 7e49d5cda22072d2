using System.Text.Json.Nodes;

namespace Kasify.Chaos.Api;

/// <summary>One answer of the API: its status (0 when no answer came: refused connection, reset, timeout) and JSON body.</summary>
internal sealed record ApiAnswer(int Status, JsonNode? Body, string Text, TimeSpan Elapsed)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Neither a success nor a refusal: the write may or may not have happened.</summary>
    public bool IsUnknownOutcome => Status == 0 || Status >= 500;

    public string Id => Body?["id"]?.GetValue<string>() ?? throw new InvalidOperationException($"No id in the answer {Status}: {Text}");
}
