using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kasify.Api.Auth;

/// <summary>
/// The default authorization result handling, except that the fallback policy no longer turns requests that match no
/// endpoint into a 401 for anonymous callers: they pass on and end as 404 <c>route.not_found</c>.
/// </summary>
internal sealed class KasifyAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
