using System.Security.Claims;
using Kasify.Api.Auth;
using Kasify.Api.Common;
using Kasify.Api.Errors;
using Kasify.Api.Identity;
using Kasify.Grains.Interfaces.Crew;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Kasify.Api.Crew;

/// <summary>
/// A property's team (tag PropertyMembers): invitations, accepting them, and the crew. The property grain decides every
/// call from the caller's role; these schemas are camelCase, as the reference shows them.
/// </summary>
internal static class CrewApi
{
    private const string Tag = "PropertyMembers";

    // Tokens are 43 characters; anything much longer is no token of ours and needs no grain call.
    private const int TokenMaxLength = 128;

    public static void MapCrewApi(this RouteGroupBuilder routes)
    {
        var invitations = routes.MapGroup("/properties/{id:guid}/invitations").WithTags(Tag);
        invitations.MapGet("", ListInvitationsAsync)
            .WithName("ListPropertyInvitations")
            .WithSummary("List invitations for a property")
            .WithDescription(
                "Owner or manager (403 invitation.forbidden otherwise). The property's invitations, oldest first, including expired "
                + "and fully used ones; revoked ones are left out. Only the owner invites managers, so a manager sees token null on "
                + "manager invitations.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        invitations.MapPost("", CreateInvitationAsync)
            .WithName("CreatePropertyInvitation")
            .WithSummary("Create a crew invitation for a property")
            .WithDescription(
                "Owner or manager; only the owner may invite managers. Generates an invitation token (256 bits, URL-safe), optionally "
                + "bound to one email address, which is then sent the code and an accept link in the request's locale (en, es). "
                + "accessLevel: manager, staff or contractor (any case); service (staff and contractors): cleaning, maintenance, "
                + "pool, gardening. maxUses null means once; the invitation expires seven days after creation unless expiresAt says "
                + "otherwise. A property has at most 100 open invitations (409 invitation.limit); an invitation is forgotten 30 days "
                + "after it was revoked, expired or used up.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        invitations.MapDelete("/{invitationId:guid}", RevokeInvitationAsync)
            .WithName("RevokePropertyInvitation")
            .WithSummary("Revoke an invitation")
            .WithDescription("Owner or manager. Later accepts of the token are 410 invitation.revoked; revoking twice is no error.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapPost("/invitations/{token}/accept", AcceptInvitationAsync)
            .WithTags(Tag)
            .WithName("AcceptInvitation")
            .WithSummary("Accept a crew invitation")
            .WithDescription(
                "Gives the authenticated caller crew access to the invitation's property at its access level and counts one use. "
                + "404 invitation.not_found; 410 invitation.expired, invitation.revoked or invitation.used_up; 403 "
                + "invitation.email_mismatch when the invitation is bound to an email the caller's sign-in does not verify (the "
                + "identity provider's email claim with email_verified true; personal access tokens carry none); 409 "
                + "invitation.owner for the property's owner. A caller who is already a member gets the same answer again, "
                + "without using the invitation.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);

        var crew = routes.MapGroup("/properties/{id:guid}/crew").WithTags(Tag);
        crew.MapGet("", ListCrewAsync)
            .WithName("ListPropertyCrew")
            .WithSummary("List crew members for a property")
            .WithDescription(
                "Owner or manager (403 crew.forbidden otherwise). Every member with access level and service, the owner first.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        crew.MapPatch("/{userId:guid}", UpdateMemberAsync)
            .WithName("UpdatePropertyCrewMember")
            .WithSummary("Update a crew member's access level")
            .WithDescription(
                "Owner or manager. Body { \"accessLevel\": \"staff\", \"service\": \"cleaning\" }, each optional, at least one; "
                + "\"service\": null removes the service, and becoming a manager drops it. The owner cannot be changed (409 "
                + "crew.owner); a manager can neither grant the manager level nor change a manager (403 crew.forbidden).")
            .Accepts<UpdateCrewMemberRequest>("application/json", "application/merge-patch+json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        crew.MapDelete("/{userId:guid}", RemoveMemberAsync)
            .WithName("RemovePropertyCrewMember")
            .WithSummary("Remove a crew member from a property")
            .WithDescription(
                "Owner or manager (a manager removes staff and contractors only); any member may remove themselves. The owner cannot "
                + "be removed (409 crew.owner). The property disappears from the user's properties.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<InvitationResponse[]>> ListInvitationsAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var invitations = await grains.GetGrain<IPropertyCrewGrain>(id).ListInvitationsAsync(userId);
        return TypedResults.Ok(invitations.Select(InvitationResponse.From).ToArray());
    }

    internal static async Task<Created<InvitationResponse>> CreateInvitationAsync(
        Guid id, CreateInvitationRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var command = request.ToCommand();
        var userId = await principal.GetUserIdAsync(grains);
        var invitation = await grains.GetGrain<IPropertyCrewGrain>(id).CreateInvitationAsync(userId, command);
        return TypedResults.Created($"/v1/properties/{id}/invitations/{invitation.Id}", InvitationResponse.From(invitation));
    }

    internal static async Task<NoContent> RevokeInvitationAsync(Guid id, Guid invitationId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        await grains.GetGrain<IPropertyCrewGrain>(id).RevokeInvitationAsync(userId, invitationId);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<AcceptInvitationResponse>, ProblemHttpResult>> AcceptInvitationAsync(
        string token, ClaimsPrincipal principal, IGrainFactory grains, IOptionsSnapshot<KasifyAuthOptions> authOptions)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var target = token.Length is > 0 and <= TokenMaxLength
            ? await grains.GetGrain<IInvitationIndexGrain>(InvitationKeys.For(token)).ResolveAsync()
            : null;
        if (target is null)
        {
            return KasifyProblems.Result(StatusCodes.Status404NotFound, "invitation.not_found", "No such invitation.");
        }

        try
        {
            var accepted = await grains.GetGrain<IPropertyCrewGrain>(target.PropertyId).AcceptInvitationAsync(
                userId, target.InvitationId, principal.GetVerifiedEmail(authOptions));
            return TypedResults.Ok(new AcceptInvitationResponse(accepted.PropertyId, accepted.PropertyName));
        }
        catch (InvitationGoneException gone)
        {
            // 410 is particular to invitations, so this endpoint maps it rather than the shared exception handler.
            return KasifyProblems.Result(StatusCodes.Status410Gone, gone.Code, gone.Message);
        }
    }

    internal static async Task<Ok<CrewMemberResponse[]>> ListCrewAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var members = await grains.GetGrain<IPropertyCrewGrain>(id).ListCrewAsync(userId);
        return TypedResults.Ok(members.Select(CrewMemberResponse.From).ToArray());
    }

    // The body is read rather than bound, so that an absent service and "service": null stay apart.
    internal static async Task<Results<Ok<CrewMemberResponse>, ProblemHttpResult>> UpdateMemberAsync(
        Guid id,
        Guid userId,
        HttpRequest request,
        ClaimsPrincipal principal,
        IGrainFactory grains,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (await MergePatchDocument.ReadAsync(request, json.Value.SerializerOptions, cancellationToken) is not { } document)
        {
            return KasifyProblems.Result(
                StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Send the request body as application/json.");
        }

        var command = UpdateCrewMemberRequest.Read(document);
        var callerId = await principal.GetUserIdAsync(grains);
        var member = await grains.GetGrain<IPropertyCrewGrain>(id).UpdateMemberAsync(callerId, userId, command);
        return TypedResults.Ok(CrewMemberResponse.From(member));
    }

    internal static async Task<NoContent> RemoveMemberAsync(Guid id, Guid userId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var callerId = await principal.GetUserIdAsync(grains);
        await grains.GetGrain<IPropertyCrewGrain>(id).RemoveMemberAsync(callerId, userId);
        return TypedResults.NoContent();
    }
}
