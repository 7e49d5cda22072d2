using System.Security.Claims;
using System.Threading.RateLimiting;
using Kasify.Api.Auth;
using Kasify.Api.Errors;
using Kasify.Api.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kasify.Api.RateLimiting;

/// <summary>
/// Rolling one-minute buckets per personal access token, per identity-provider user for JWT callers, per client IP for
/// unauthenticated callers
/// (<see cref="AnonymousRateLimiter"/>) and per client IP and policy; 429 problem details with Retry-After.
/// </summary>
internal static class RateLimitingExtensions
{
    private const int SegmentsPerWindow = 6;

    private static TimeSpan Window => TimeSpan.FromMinutes(1);

    // The sliding window limiter reports no retry-after; the earliest a permit can come back is when a segment slides out.
    private static TimeSpan SegmentLength => Window / SegmentsPerWindow;

    public static IServiceCollection AddKasifyRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KasifyRateLimitOptions>(configuration.GetSection(KasifyRateLimitOptions.SectionName));
        services.AddSingleton<AnonymousRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<KasifyRateLimitOptions>, AnonymousRateLimiter>((options, limits, anonymous) =>
        {
            var perMinute = limits.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
            var perToken = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.GetPersonalAccessTokenId() is { } tokenId
                    ? RateLimitPartition.GetSlidingWindowLimiter(tokenId, _ => PerMinute(perMinute.PersonalAccessTokenPerMinute))
                    : RateLimitPartition.GetNoLimiter(""));
            var perUser = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                JwtUserPartition(context.User) is { } user
                    ? RateLimitPartition.GetSlidingWindowLimiter(user, _ => PerMinute(perMinute.UserPerMinute))
                    : RateLimitPartition.GetNoLimiter(""));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perToken, perUser, anonymous.Limiter);
            options.AddPolicy(KasifyRateLimits.OpenApi, context => PerClientIp(context, perMinute.OpenApiPerMinute));
            options.AddPolicy(KasifyRateLimits.Docs, context => PerClientIp(context, perMinute.DocsPerMinute));
            options.AddPolicy(KasifyRateLimits.Geo, context => PerClientIp(context, perMinute.GeoPerMinute));
            options.AddPolicy(KasifyRateLimits.PublicPerIp, context => PerClientIp(context, perMinute.PublicPerIpPerMinute));
        });
        return services;
    }

    // Issuer and subject together: two identity providers may hand out the same subject.
    private static string? JwtUserPartition(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.GetPersonalAccessTokenIdentity() is null
        && user.FindFirstValue(KasifyClaims.Subject) is { Length: > 0 } subject
            ? $"{user.FindFirstValue(KasifyClaims.Issuer)}|{subject}"
            : null;

    internal static RateLimitPartition<string> PerClientIp(HttpContext context, int permitsPerMinute) =>
        RateLimitPartition.GetSlidingWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => PerMinute(permitsPerMinute));

    private static SlidingWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = Window,
        SegmentsPerWindow = SegmentsPerWindow,
        QueueLimit = 0,
    };

    internal static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var reported) ? reported : SegmentLength;
        var problem = KasifyProblems.Create(
            StatusCodes.Status429TooManyRequests,
            ProblemCodes.RateLimited,
            "Too many requests; retry after the number of seconds in the Retry-After header.");
        await KasifyProblems.WriteAsync(context.HttpContext, problem, retryAfter);
    }
}
