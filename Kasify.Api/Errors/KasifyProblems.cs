using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Kasify.Api.Errors;

/// <summary>Builds and writes RFC 9457 problem details carrying a stable <c>code</c> extension.</summary>
internal static class KasifyProblems
{
    public const string TypeBase = "https://kasify.app/problems/";
    public const string CodeExtension = "code";

    /// <summary>How long clients should wait before retrying while the cluster is unavailable.</summary>
    public static readonly TimeSpan ClusterRetryAfter = TimeSpan.FromSeconds(5);

    // Lets a component that only sets a status code (an authentication challenge) choose the code the body gets.
    private const string CodeItem = "Kasify.ProblemCode";

    public static ProblemDetails Create(int status, string code, string? detail = null) =>
        Complete(new ProblemDetails { Detail = detail }, status, code);

    /// <summary>A problem as an endpoint result, for failures an endpoint decides itself (media type, size, absence).</summary>
    public static ProblemHttpResult Result(int status, string code, string detail) => TypedResults.Problem(Create(status, code, detail));

    public static HttpValidationProblemDetails CreateValidation(
        string code, string? detail, IEnumerable<KeyValuePair<string, string[]>> errors) =>
        (HttpValidationProblemDetails)Complete(new HttpValidationProblemDetails(errors.ToDictionary()) { Detail = detail }, StatusCodes.Status400BadRequest, code);

    /// <summary>Sets the status and writes the problem; with a <paramref name="retryAfter"/> also the Retry-After header.</summary>
    public static async ValueTask WriteAsync(HttpContext context, ProblemDetails problem, TimeSpan? retryAfter = null)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(delay).ToString(CultureInfo.InvariantCulture);
        }

        // A client that accepts no JSON gets the status code alone.
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Whole seconds, rounded up and at least one, as Retry-After requires.</summary>
    public static int RetryAfterSeconds(TimeSpan delay) => Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds));

    /// <summary>Chooses the code of the problem the status-code pages will write for this response.</summary>
    public static void SetCodeForStatusResponse(HttpContext context, string code) => context.Items[CodeItem] = code;

    /// <summary>
    /// Runs for every problem written through <see cref="IProblemDetailsService"/>: bare status codes (status-code
    /// pages, <c>TypedResults.NotFound()</c>) get a code, type and title; the trace id follows the snake_case wire format.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.TryGetValue("traceId", out var traceId))
        {
            problem.Extensions.Remove("traceId");
            problem.Extensions["trace_id"] = traceId;
        }

        if (problem.Extensions.ContainsKey(CodeExtension))
        {
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var code = context.HttpContext.Items[CodeItem] as string ?? DefaultCode(context.HttpContext, problem, status);
        Complete(problem, status, code);
    }

    private static string DefaultCode(HttpContext context, ProblemDetails problem, int status) => status switch
    {
        StatusCodes.Status400BadRequest => problem is HttpValidationProblemDetails ? ProblemCodes.ValidationFailed : ProblemCodes.RequestInvalid,
        StatusCodes.Status401Unauthorized => ProblemCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => ProblemCodes.Forbidden,
        // An endpoint that matched and still answered 404 is reporting a missing resource, not an unknown path.
        StatusCodes.Status404NotFound => context.GetEndpoint() is null ? ProblemCodes.RouteNotFound : ProblemCodes.ResourceNotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ProblemCodes.RequestTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ProblemCodes.RateLimited,
        StatusCodes.Status500InternalServerError => ProblemCodes.Internal,
        _ => "http." + status.ToString(CultureInfo.InvariantCulture),
    };

    private static string? Title(string code) => code switch
    {
        ProblemCodes.ValidationFailed => "Validation failed",
        ProblemCodes.RequestInvalid => "Bad request",
        ProblemCodes.UnsupportedMediaType => "Unsupported media type",
        ProblemCodes.RequestTooLarge => "Request body too large",
        ProblemCodes.Unauthenticated => "Authentication required",
        ProblemCodes.InvalidToken => "Invalid token",
        ProblemCodes.Forbidden => "Forbidden",
        ProblemCodes.RouteNotFound or ProblemCodes.ResourceNotFound => "Not found",
        ProblemCodes.MethodNotAllowed => "Method not allowed",
        ProblemCodes.RateLimited => "Too many requests",
        ProblemCodes.ClusterUnavailable => "Service unavailable",
        ProblemCodes.ClusterTimeout => "Service timed out",
        ProblemCodes.Internal => "Internal server error",
        _ => null,
    };

    private static ProblemDetails Complete(ProblemDetails problem, int status, string code)
    {
        problem.Status = status;
        problem.Type = TypeBase + code;
        problem.Title = Title(code) ?? ReasonPhrases.GetReasonPhrase(status);
        problem.Extensions[CodeExtension] = code;
        return problem;
    }
}
