using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kasify.Api.Auth;

/// <summary>
/// The fallback policy also applies to requests that match no endpoint, which would turn every unknown path into a
/// 401 for anonymous callers; those requests pass on instead and end as 404 <c>route.not_found</c>.
/// </summary>
internal sealed class UnmatchedRouteAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        context.GetEndpoint() is null ? next(context) : _default.HandleAsync(next, context, policy, authorizeResult);
}
