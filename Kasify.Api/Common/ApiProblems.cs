using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Kasify.Api.Common;

/// <summary>Problem-details results for failures decided in the API itself (media type, size), with a stable code.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Create(int status, string code, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: ReasonPhrases.GetReasonPhrase(status),
            type: $"https://kasify.app/problems/{code}",
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
