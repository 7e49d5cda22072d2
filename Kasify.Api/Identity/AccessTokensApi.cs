using System.Security.Claims;
using Kasify.Api.Auth;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.Api.Identity;

/// <summary>Personal access tokens (<c>kas_pat_…</c>) of the caller.</summary>
internal static class AccessTokensApi
{
    public static void MapAccessTokensApi(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/account/tokens").WithTags("ApiTokens").AddEndpointFilter<RequestValidationFilter>();
        group.MapGet("", ListTokensAsync).WithName("ListApiTokens").WithSummary("List API tokens");
        group.MapPost("", CreateTokenAsync)
            .WithName("CreateApiToken")
            .WithSummary("Create API token")
            .WithDescription("The raw token appears exactly once, in this response, and cannot be fetched again. Tokens are created and revoked with an identity-provider token, not with a personal access token. A user holds at most 50 active tokens (409 token.limit); expired ones are deleted.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", RevokeTokenAsync)
            .WithName("RevokeApiToken")
            .WithSummary("Revoke API token")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<AccessTokenResponse[]>> ListTokensAsync(ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var tokens = await grains.GetGrain<IUserGrain>(userId).ListAccessTokensAsync();
        return TypedResults.Ok(tokens.Select(AccessTokenResponse.From).ToArray());
    }

    internal static async Task<Created<CreatedAccessTokenResponse>> CreateTokenAsync(
        CreateAccessTokenRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await RequireInteractiveCallerAsync(principal, grains);
        var token = await grains.GetGrain<IUserGrain>(userId).CreateAccessTokenAsync(new CreateAccessToken(request.Name!, request.ExpiresAt));
        return TypedResults.Created($"/account/tokens/{token.Id}", CreatedAccessTokenResponse.From(token));
    }

    internal static async Task<NoContent> RevokeTokenAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await RequireInteractiveCallerAsync(principal, grains);
        await grains.GetGrain<IUserGrain>(userId).RevokeAccessTokenAsync(id);
        return TypedResults.NoContent();
    }

    // A leaked token must not be able to mint a successor that outlives its own revocation.
    private static Task<Guid> RequireInteractiveCallerAsync(ClaimsPrincipal principal, IGrainFactory grains) =>
        principal.GetPersonalAccessTokenUserId() is null
            ? principal.GetUserIdAsync(grains)
            : throw new ForbiddenException(
                "token.interactive_login_required", "Personal access tokens cannot create or revoke tokens; use a token from your identity provider.");
}
