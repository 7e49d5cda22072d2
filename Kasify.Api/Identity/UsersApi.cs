using Kasify.Api.Auth;
using Kasify.Api.Common;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.Api.Identity;

/// <summary>Every Kasify user, for administrators.</summary>
internal static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder routes)
    {
        routes.MapGet("/users", ListUsersAsync)
            .WithTags("Users")
            .WithName("ListUsers")
            .WithSummary("List every user (admin only)")
            .WithDescription("Users come in a stable order: grouped by directory shard (a hash of the user id), oldest first within a shard. A user registering meanwhile takes its place in its shard, so later pages shift by one.")
            .RequireAuthorization(KasifyPolicies.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    internal static async Task<Ok<PageResponse<UserResponse>>> ListUsersAsync(IGrainFactory grains, string? page = null, string? size = null)
    {
        var users = await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).ListAsync(Paging.ToPageRequest(page, size));
        return TypedResults.Ok(PageResponse<UserResponse>.From(users, UserResponse.From));
    }
}
