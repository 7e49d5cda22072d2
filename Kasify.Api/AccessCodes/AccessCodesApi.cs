using System.Security.Claims;
using Kasify.Api.Errors;
using Kasify.Api.Identity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.SmartLocks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.Api.AccessCodes;

/// <summary>
/// Guest codes of a booking on its property's smart locks. The booking id is resolved to its property, whose grain
/// checks the caller (owner or manager) and drives the lock grains.
/// </summary>
internal static class AccessCodesApi
{
    public static void MapAccessCodesApi(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/bookings/{id:guid}/accesscode").WithTags("AccessCodes");
        group.MapPost("", CreateAccessCodesAsync)
            .WithName("CreateAccessCodes")
            .WithSummary("Create digital access codes for a booking")
            .WithDescription(
                "Owner or manager. Puts a code on every smart lock of the booking's property, valid from the booking's arrival to its departure "
                + "instant. Idempotent: calling it again returns the existing codes. Locks that refuse are listed in failed_smartlocks without "
                + "failing the request; a code the vendor has not confirmed yet is pending. 409 booking.cancelled for a cancelled booking, "
                + "booking.ended after departure.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("", GetAccessCodesAsync)
            .WithName("ListAccessCodes")
            .WithSummary("List digital access codes for a booking")
            .WithDescription("Owner or manager. The booking's codes on its property's locks, revoked ones included.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{code_id:guid}", RevokeAccessCodeAsync)
            .WithName("RevokeAccessCode")
            .WithSummary("Revoke a digital access code")
            .WithDescription("Owner or manager. Revokes one of the booking's codes at the vendor; 404 accesscode.not_found when it is not the booking's.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/{code_id:guid}/rotate", RotateAccessCodeAsync)
            .WithName("RotateAccessCode")
            .WithSummary("Rotate a digital access code")
            .WithDescription(
                "Owner or manager. Issues a new PIN on the same lock for the same window and answers the new code: 201 once the lock "
                + "confirmed it, 202 while it is pending. The old code keeps working until the new one is active, then it is revoked. "
                + "Idempotent: asking again for the same code answers the same new code. 404 accesscode.not_found when it is not the "
                + "booking's; 409 accesscode.not_rotatable when it is not pending or active, smartlock.full when the lock has no free slot.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Results<Ok<AccessCodesResponse>, ProblemHttpResult>> CreateAccessCodesAsync(
        Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<IBookingGrain>(id).GetPropertyIdAsync() is not { } propertyId)
        {
            return BookingNotFound();
        }

        return TypedResults.Ok(AccessCodesResponse.From(await grains.GetGrain<IPropertyLocksGrain>(propertyId).CreateAccessCodesAsync(userId, id)));
    }

    internal static async Task<Results<Ok<AccessCodesResponse>, ProblemHttpResult>> GetAccessCodesAsync(
        Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<IBookingGrain>(id).GetPropertyIdAsync() is not { } propertyId)
        {
            return BookingNotFound();
        }

        return TypedResults.Ok(AccessCodesResponse.From(await grains.GetGrain<IPropertyLocksGrain>(propertyId).GetAccessCodesAsync(userId, id)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAccessCodeAsync(
        Guid id, [FromRoute(Name = "code_id")] Guid codeId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<IBookingGrain>(id).GetPropertyIdAsync() is not { } propertyId)
        {
            return BookingNotFound();
        }

        await grains.GetGrain<IPropertyLocksGrain>(propertyId).RevokeAccessCodeAsync(userId, id, codeId);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Created<AccessCodeResponse>, Accepted<AccessCodeResponse>, ProblemHttpResult>> RotateAccessCodeAsync(
        Guid id, [FromRoute(Name = "code_id")] Guid codeId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<IBookingGrain>(id).GetPropertyIdAsync() is not { } propertyId)
        {
            return BookingNotFound();
        }

        var replacement = AccessCodeResponse.From(await grains.GetGrain<IPropertyLocksGrain>(propertyId).RotateAccessCodeAsync(userId, id, codeId));
        var location = $"/v1/bookings/{id}/accesscode";
        return replacement.Status == AccessCodeStatus.Active
            ? TypedResults.Created(location, replacement)
            : TypedResults.Accepted(location, replacement);
    }

    private static ProblemHttpResult BookingNotFound() =>
        KasifyProblems.Result(StatusCodes.Status404NotFound, "booking.not_found", "No such booking.");
}
