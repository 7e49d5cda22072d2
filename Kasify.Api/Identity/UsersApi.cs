using Kasify.Api.Common;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.Api.Identity;

/// <summary>Every Kasify user, for administrators.</summary>
internal static class UsersApi
{
    /// <summary>Name of the authorization policy that admits administrators (defined by the host).</summary>
    public const string AdminPolicy = "admin";

    public static void MapUsersApi(this RouteGroupBuilder routes)
    {
        routes.MapGet("/users", ListUsersAsync)
            .WithTags("Users")
            .WithName("ListUsers")
            .WithSummary("List every user (administrators only)")
            .RequireAuthorization(AdminPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    internal static async Task<Ok<PageResponse<UserResponse>>> ListUsersAsync(IGrainFactory grains, int? page = null, int? size = null)
    {
        var users = await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).ListAsync(Paging.ToPageRequest(page, size));
        return TypedResults.Ok(PageResponse<UserResponse>.From(users, UserResponse.From));
    }
}
