using System.Security.Claims;
using Kasify.Api.Accounts;
using Kasify.Api.Auth;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.Api.Identity;

/// <summary>Registration of the authenticated OIDC identity.</summary>
internal static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/auth").WithTags("Auth").AddEndpointFilter<RequestValidationFilter>();
        group.MapPost("/register", RegisterAsync)
            .WithName("RegisterUser")
            .WithSummary("Register the authenticated user")
            .WithDescription("Creates the Kasify user and its account for the token's subject. Idempotent: 201 the first time, 200 with the same user afterwards.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    internal static async Task<Results<Created<UserResponse>, Ok<UserResponse>>> RegisterAsync(
        ClaimsPrincipal principal, IGrainFactory grains, [FromBody] RegisterRequest? request = null)
    {
        // A personal access token already belongs to a registered user.
        if (principal.GetPersonalAccessTokenUserId() is { } userId && await grains.GetGrain<IUserGrain>(userId).GetAsync() is { } existing)
        {
            return TypedResults.Ok(UserResponse.From(existing));
        }

        var command = new RegisterUser(
            principal.FindFirstValue(KasifyClaims.Issuer) ?? "",
            principal.FindFirstValue(KasifyClaims.Subject) ?? "",
            request?.Email ?? principal.FindFirstValue("email"),
            request?.FirstName ?? principal.FindFirstValue("given_name"),
            request?.LastName ?? principal.FindFirstValue("family_name"),
            (request?.Locale ?? AccountLocale.En).ToString().ToLowerInvariant());
        var subjectKey = principal.GetSubjectKey();
        var result = await grains.GetGrain<ISubjectIndexGrain>(subjectKey).RegisterAsync(command);
        RegisteredSubjects.Of(grains).Remember(subjectKey, result.User.Id);
        var user = UserResponse.From(result.User);
        return result.Created ? TypedResults.Created("/account", user) : TypedResults.Ok(user);
    }
}
