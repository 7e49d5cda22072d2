namespace Kasify.Api.RateLimiting;

/// <summary>
/// Names of the per-client-IP rate limit policies, for <c>RequireRateLimiting(…)</c>. Personal access tokens (per
/// token) and unauthenticated callers (per client IP, on endpoints without a policy) are limited globally, with no
/// policy to apply.
/// </summary>
internal static class KasifyRateLimits
{
    /// <summary>The OpenAPI documents (<c>/openapi.json</c>, <c>/openapi.yaml</c>).</summary>
    public const string OpenApi = "openapi-per-ip";

    /// <summary>The reference UI at <c>/docs</c> and its assets.</summary>
    public const string Docs = "docs-per-ip";

    /// <summary>Geo look-ups (<c>/geo/…</c>).</summary>
    public const string Geo = "geo-per-ip";

    /// <summary>Other public, unauthenticated endpoints (check-in, public task links).</summary>
    public const string PublicPerIp = "public-per-ip";
}
