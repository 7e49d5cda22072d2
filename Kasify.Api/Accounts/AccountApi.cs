using System.Security.Claims;
using Kasify.Api.Identity;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.Api.Accounts;

/// <summary>The caller's own profile and account.</summary>
internal static class AccountApi
{
    public static void MapAccountApi(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/account").WithTags("Account").AddEndpointFilter<RequestValidationFilter>();
        group.MapGet("", GetAccountAsync).WithName("GetAccount").WithSummary("Get the user's account");
        group.MapPut("", UpdateAccountAsync)
            .WithName("UpdateAccount")
            .WithSummary("Update the user's account")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    internal static async Task<Ok<AccountResponse>> GetAccountAsync(ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        return TypedResults.Ok(AccountResponse.From(await grains.GetGrain<IUserGrain>(userId).GetAccountAsync()));
    }

    internal static async Task<Ok<AccountResponse>> UpdateAccountAsync(
        UpdateAccountRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var command = new UpdateAccount(
            request.Name?.Trim(),
            request.Email?.Trim(),
            request.FirstName?.Trim(),
            request.LastName?.Trim(),
            request.Phone?.Trim(),
            request.Locale!.Value.ToString().ToLowerInvariant(),
            request.CompanyName?.Trim(),
            request.TaxId?.Trim());
        return TypedResults.Ok(AccountResponse.From(await grains.GetGrain<IUserGrain>(userId).UpdateAccountAsync(command)));
    }
}
