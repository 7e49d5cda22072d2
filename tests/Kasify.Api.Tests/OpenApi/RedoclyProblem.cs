using System.Text.Json;

namespace Kasify.Api.Tests.OpenApi;

/// <summary>One problem in a <c>redocly lint --format json</c> report.</summary>
internal sealed record RedoclyProblem(string RuleId, string Severity, string Message, string Pointer)
{
    public static RedoclyProblem From(JsonElement problem) => new(
        problem.GetProperty("ruleId").GetString() ?? "",
        problem.GetProperty("severity").GetString() ?? "",
        problem.GetProperty("message").GetString() ?? "",
        problem.GetProperty("location").EnumerateArray().Select(location => location.GetProperty("pointer").GetString()).FirstOrDefault() ?? "");

    public override string ToString() => $"{Severity} {RuleId} at {Pointer}: {Message}";
}
