using System.Threading.RateLimiting;
using Kasify.Api.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kasify.Api.RateLimiting;

/// <summary>
/// Requests per rolling minute and client IP from callers that are not authenticated (no token, or one that failed),
/// so a flood of guessed tokens is bounded: <c>Kasify:RateLimits:AnonymousPerMinute</c>. The rate limiter middleware
/// runs between authentication and authorization, so it counts the requests authorization is about to refuse too.
/// </summary>
internal sealed class AnonymousRateLimiter : IDisposable
{
    public AnonymousRateLimiter(IOptions<KasifyRateLimitOptions> options)
    {
        var permitsPerMinute = options.Value.AnonymousPerMinute;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Applies(context)
            ? RateLimitingExtensions.PerClientIp(context, permitsPerMinute)
            : RateLimitPartition.GetNoLimiter(""));
    }

    /// <summary>The limiter, also chained into the middleware's global limiter.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>Whether an unauthenticated request from this client would be refused now. Takes no permit.</summary>
    public bool IsExhausted(HttpContext context) =>
        Applies(context) && Limiter.GetStatistics(context)?.CurrentAvailablePermits <= 0;

    public void Dispose() => Limiter.Dispose();

    private static bool Applies(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true && !IsExempt(context.GetEndpoint());

    // Documents and public endpoints have their own per-IP policies; health probes never reach the cluster, and a load
    // balancer's probes must not be refused because someone else behind the same address misbehaves.
    private static bool IsExempt(Endpoint? endpoint) =>
        endpoint is not null
        && (endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
            || endpoint.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null
            || endpoint.Metadata.GetMetadata<WithoutClusterMetadata>() is not null);
}
