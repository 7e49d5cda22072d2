namespace Kasify.Api.OpenApi;

/// <summary>
/// A problem answer the host gives on many operations, declared once under <c>components/responses/{Name}</c> and
/// referred to from each operation.
/// </summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Name">The name under <c>components/responses</c>.</param>
/// <param name="Description">What it means, with the problem codes it carries.</param>
/// <param name="RetryAfter">Whether the answer carries a Retry-After header.</param>
internal sealed record HostProblem(int Status, string Name, string Description, bool RetryAfter)
{
    public static readonly HostProblem Unauthenticated = new(
        StatusCodes.Status401Unauthorized,
        "Unauthenticated",
        "No bearer token, or one that is invalid or expired (auth.unauthenticated, auth.invalid_token).",
        RetryAfter: false);

    public static readonly HostProblem Forbidden = new(
        StatusCodes.Status403Forbidden,
        "Forbidden",
        "The caller may not do this (auth.forbidden, or the resource's own code), or the token's identity has not registered "
        + "yet (auth.not_registered: call POST /v1/auth/register first).",
        RetryAfter: false);

    public static readonly HostProblem TooLarge = new(
        StatusCodes.Status413PayloadTooLarge, "RequestTooLarge", "The request body is too large (request.too_large, or the operation's own code).", RetryAfter: false);

    public static readonly HostProblem UnsupportedMediaType = new(
        StatusCodes.Status415UnsupportedMediaType,
        "UnsupportedMediaType",
        "The request body is not of a media type this operation accepts (request.unsupported_media_type, or the operation's own code).",
        RetryAfter: false);

    public static readonly HostProblem RateLimited = new(
        StatusCodes.Status429TooManyRequests, "RateLimited", "Too many requests (rate_limited); wait the seconds in Retry-After.", RetryAfter: true);

    public static readonly HostProblem Unavailable = new(
        StatusCodes.Status503ServiceUnavailable,
        "ServiceUnavailable",
        "The service, or a vendor it calls, is unavailable (cluster.unavailable, or the vendor's code); retry after the seconds in Retry-After.",
        RetryAfter: true);

    public static readonly HostProblem TimedOut = new(
        StatusCodes.Status504GatewayTimeout, "ServiceTimeout", "The service did not answer in time (cluster.timeout).", RetryAfter: false);
}
