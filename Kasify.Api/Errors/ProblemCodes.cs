namespace Kasify.Api.Errors;

/// <summary>The stable <c>code</c> values the host itself produces; grains add their own (e.g. <c>property.not_found</c>).</summary>
internal static class ProblemCodes
{
    public const string ValidationFailed = "validation.failed";
    public const string RequestInvalid = "request.invalid";
    public const string UnsupportedMediaType = "request.unsupported_media_type";
    public const string RequestTooLarge = "request.too_large";
    public const string Unauthenticated = "auth.unauthenticated";
    public const string InvalidToken = "auth.invalid_token";
    public const string Forbidden = "auth.forbidden";
    public const string RouteNotFound = "route.not_found";
    public const string ResourceNotFound = "resource.not_found";
    public const string MethodNotAllowed = "method.not_allowed";
    public const string RateLimited = "rate_limited";
    public const string ClusterUnavailable = "cluster.unavailable";
    public const string ClusterTimeout = "cluster.timeout";
    public const string Internal = "internal";
}
