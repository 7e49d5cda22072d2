using System.Security.Claims;
using Kasify.Api.Identity;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.SmartLocks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasify.Api.SmartLocks;

/// <summary>Smart locks assigned to a property. The property grain checks the caller's role (owner or manager) and the device.</summary>
internal static class SmartLocksApi
{
    public static void MapSmartLocksApi(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/properties/{id:guid}/smartlocks").WithTags("SmartLocks").AddEndpointFilter<RequestValidationFilter>();
        group.MapGet("", ListSmartLocksAsync)
            .WithName("ListPropertySmartLocks")
            .WithSummary("List smart locks for a property with live status")
            .WithDescription(
                "Owner or manager (403 smartlock.forbidden otherwise). Each lock's status is the last read from the vendor; one older than "
                + "two refresh periods is read again briefly, and served with stale: true when the vendor does not answer.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", AddSmartLockAsync)
            .WithName("AddSmartLock")
            .WithSummary("Add a smart lock to a property")
            .WithDescription(
                "Owner or manager. Assigns a device of one of the account's integrations: integration_id plus exactly one of smartlock_id "
                + "(Nuki), door_id (UniFi Access) or external_id. A device belongs to at most one property (409 smartlock.assigned); a device "
                + "the vendor does not report is 404 smartlock.device_not_found.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapDelete("/{smartlockId:guid}", RemoveSmartLockAsync)
            .WithName("RemoveSmartLock")
            .WithSummary("Remove a smart lock from a property")
            .WithDescription(
                "Owner or manager. Revokes the lock's guest codes at the vendor first; 503 integration.unreachable (nothing removed) when the "
                + "vendor cannot confirm it.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    internal static async Task<Ok<SmartLocksResponse>> ListSmartLocksAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var smartLocks = await grains.GetGrain<IPropertyLocksGrain>(id).ListSmartLocksAsync(userId);
        return TypedResults.Ok(new SmartLocksResponse([.. smartLocks.Select(SmartLockResponse.From)]));
    }

    internal static async Task<Created<SmartLockResponse>> AddSmartLockAsync(
        Guid id, AddSmartLockRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var smartLock = await grains.GetGrain<IPropertyLocksGrain>(id).AddSmartLockAsync(userId, request.ToCommand());
        return TypedResults.Created($"/v1/properties/{id}/smartlocks/{smartLock.Id}", SmartLockResponse.From(smartLock));
    }

    internal static async Task<NoContent> RemoveSmartLockAsync(Guid id, Guid smartlockId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        await grains.GetGrain<IPropertyLocksGrain>(id).RemoveSmartLockAsync(userId, smartlockId);
        return TypedResults.NoContent();
    }
}
