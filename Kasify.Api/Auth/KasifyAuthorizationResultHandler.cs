using Kasify.Api.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kasify.Api.Auth;

/// <summary>
/// The default authorization result handling, with two changes:
/// <list type="bullet">
/// <item>The fallback policy also applies to requests that match no endpoint, which would turn every unknown path
/// into a 401 for anonymous callers; those requests pass on instead and end as 404 <c>route.not_found</c>.</item>
/// <item>A challenged request never reaches the rate limiter middleware, so it is counted against the client IP's
/// anonymous budget here, and answered 429 instead of 401 once that is spent.</item>
/// </list>
/// </summary>
internal sealed class KasifyAuthorizationResultHandler(AnonymousRateLimiter anonymousLimit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }

        if (authorizeResult.Challenged && !await anonymousLimit.TryAcquireAsync(context))
        {
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
