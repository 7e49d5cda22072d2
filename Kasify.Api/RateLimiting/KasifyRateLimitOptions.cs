namespace Kasify.Api.RateLimiting;

/// <summary>Requests per rolling minute, bound from <c>Kasify:RateLimits</c>.</summary>
internal sealed class KasifyRateLimitOptions
{
    public const string SectionName = "Kasify:RateLimits";

    public int PersonalAccessTokenPerMinute { get; set; } = 100;

    /// <summary>Per identity-provider user (issuer and subject), requests with a JWT.</summary>
    public int UserPerMinute { get; set; } = 600;

    public int OpenApiPerMinute { get; set; } = 10;

    public int DocsPerMinute { get; set; } = 60;

    public int GeoPerMinute { get; set; } = 50;

    public int PublicPerIpPerMinute { get; set; } = 30;

    /// <summary>Per client IP, requests without an authenticated caller (no token, or one that failed).</summary>
    public int AnonymousPerMinute { get; set; } = 300;
}
