using System.Text.Json.Nodes;

namespace Kasify.Load;

/// <summary>A Kasify API answer: status (0 when none arrived) and the JSON body, if any.</summary>
internal sealed record ApiResponse(int Status, JsonNode? Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Throws with the status and body unless the answer is one of <paramref name="expected"/>.</summary>
    public ApiResponse Expect(string what, params int[] expected) => expected.Contains(Status)
        ? this
        : throw new InvalidOperationException($"{what}: HTTP {(Status == 0 ? "no response" : Status)} {Body?.ToJsonString()}");

    public string Text(string name) => Body?[name]?.GetValue<string>() ?? throw new InvalidOperationException($"No '{name}' in {Body?.ToJsonString()}");
}
