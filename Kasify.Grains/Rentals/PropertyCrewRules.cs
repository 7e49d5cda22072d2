using System.Collections.Immutable;
using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Rentals;

/// <summary>
/// The Orleans-free decisions about a property's team, made against its stored state: who may invite, change and remove
/// whom, what joining or leaving changes, and how members and invitations are shown. The property grain calls the other
/// grains (users, invitation index) and stores; everything it decides comes from here.
/// </summary>
internal static class PropertyCrewRules
{
    /// <summary>Owners and managers manage the team.</summary>
    public static bool CanManageCrew(AccessLevel role) => role is AccessLevel.Owner or AccessLevel.Manager;

    /// <summary>The role, or 403 <paramref name="forbiddenCode"/> when it does not manage the team.</summary>
    public static AccessLevel RequireCrewManager(AccessLevel role, string forbiddenCode) =>
        CanManageCrew(role) ? role : throw new ForbiddenException(forbiddenCode, "Only the owner and managers manage the team.");

    /// <summary>403 unless the role manages the team and, for a manager invitation, is the owner.</summary>
    public static void EnsureMayInvite(AccessLevel role, CreateInvitation command)
    {
        RequireCrewManager(role, "invitation.forbidden");
        if (role == AccessLevel.Manager && command.AccessLevel == AccessLevel.Manager)
        {
            throw new ForbiddenException("invitation.forbidden", "Only the owner may invite managers.");
        }
    }

    /// <summary>
    /// The open (not revoked) invitations by creation. Only the owner invites managers, so only the owner sees a manager
    /// invitation's code.
    /// </summary>
    public static ImmutableArray<InvitationDto> Invitations(PropertyState state, Guid propertyId, Guid callerId)
    {
        var callerIsOwner = state.Members.GetValueOrDefault(callerId) == AccessLevel.Owner;
        return [.. state.Invitations.Values
            .Where(invitation => invitation.RevokedAt is null)
            .OrderBy(invitation => invitation.CreatedAt)
            .Select(invitation => invitation.ToDto(propertyId) is var dto && !callerIsOwner && invitation.AccessLevel == AccessLevel.Manager
                ? dto with { Token = null }
                : dto)];
    }

    /// <summary>The accepting user joins with the invitation's level and service; the invitation counts the use.</summary>
    public static void Admit(PropertyState state, PropertyInvitation invitation, Guid userId, DateTimeOffset now)
    {
        invitation.Uses++;
        invitation.AcceptedAt = now;
        invitation.AcceptedBy[userId] = now;
        state.Members[userId] = invitation.AccessLevel;
        SetService(state, userId, invitation.Service);
    }

    /// <summary>The email of an invitation, as the outbox hands it to the invitation's mail grain.</summary>
    public static InvitationMail Mail(PropertyInvitation invitation, string email, string propertyName) => new(
        invitation.Id, email, invitation.Locale, propertyName, invitation.AccessLevel.ToString().ToLowerInvariant(), invitation.Token, invitation.ExpiresAt);

    /// <summary>The member's level, or 404 <c>crew.not_found</c>.</summary>
    public static AccessLevel RequireMember(PropertyState state, Guid userId) =>
        state.Members.TryGetValue(userId, out var level)
            ? level
            : throw new NotFoundException("crew.not_found", "The user is not a member of this property.");

    /// <summary>
    /// The level and service a member gets from a change by a caller with <paramref name="role"/>: 404 for a stranger,
    /// 409 for the owner, 403 when a manager touches the manager level, 400 for a level or service that cannot be.
    /// </summary>
    public static (AccessLevel Level, CrewService? Service) DecideUpdate(PropertyState state, AccessLevel role, Guid userId, UpdateCrewMember command)
    {
        RequireCrewManager(role, "crew.forbidden");
        var current = RequireMember(state, userId);
        if (current == AccessLevel.Owner)
        {
            throw new ConflictException("crew.owner", "The owner's access cannot be changed.");
        }

        if (role == AccessLevel.Manager && (current == AccessLevel.Manager || command.AccessLevel == AccessLevel.Manager))
        {
            throw new ForbiddenException("crew.forbidden", "Only the owner may grant the manager level or change a manager.");
        }

        var level = command.AccessLevel ?? current;
        if (level == AccessLevel.Owner || !Enum.IsDefined(level))
        {
            throw new RequestValidationException("validation.failed", "accessLevel", "One of: manager, staff, contractor.");
        }

        var service = command.Service.IsSet ? command.Service.Value : CurrentService(state, userId);
        if (service is { } chosen && (!Enum.IsDefined(chosen) || level == AccessLevel.Manager))
        {
            if (command.Service.IsSet)
            {
                throw new RequestValidationException(
                    "validation.failed", "service", "A service (cleaning, maintenance, pool, gardening) goes with staff or contractor access only.");
            }

            // A promotion to manager drops the service, which describes staff and contractor work only.
            service = null;
        }

        return (level, service);
    }

    /// <summary>
    /// 403 or 409 unless the caller may take <paramref name="userId"/> off the team: anyone may leave, managers remove
    /// staff and contractors, the owner anyone but themselves. 404 for a stranger.
    /// </summary>
    public static void EnsureMayRemove(PropertyState state, AccessLevel role, Guid callerId, Guid userId)
    {
        var leaving = callerId == userId;
        if (!leaving && !CanManageCrew(role))
        {
            throw new ForbiddenException("crew.forbidden", "Only the owner and managers manage the team.");
        }

        var target = RequireMember(state, userId);
        if (target == AccessLevel.Owner)
        {
            throw new ConflictException("crew.owner", "The owner cannot be removed from the property.");
        }

        if (!leaving && role == AccessLevel.Manager && target == AccessLevel.Manager)
        {
            throw new ForbiddenException("crew.forbidden", "Only the owner may remove a manager.");
        }
    }

    /// <summary>Takes the member off the team; the default cleaner must be a member, so new cleanings fall back to the owner.</summary>
    public static void RemoveMember(PropertyState state, Guid userId)
    {
        state.Members.Remove(userId);
        state.MemberServices.Remove(userId);
        if (state.Details.DefaultCleanerId == userId)
        {
            state.Details = state.Details with { DefaultCleanerId = null };
        }
    }

    /// <summary>Records the member's service, or that they have none.</summary>
    public static void SetService(PropertyState state, Guid userId, CrewService? service)
    {
        if (service is { } value)
        {
            state.MemberServices[userId] = value;
        }
        else
        {
            state.MemberServices.Remove(userId);
        }
    }

    /// <summary>The members, the owner first, then by when they joined.</summary>
    public static ImmutableArray<CrewMemberDto> Members(PropertyState state, IReadOnlyList<(Guid UserId, AccessLevel Level, UserDto? User)> members) =>
        [.. members
            .Select(member => Member(state, member.UserId, member.Level, member.User))
            .OrderBy(member => member.AccessLevel != AccessLevel.Owner)
            .ThenBy(member => member.JoinedAt ?? DateTimeOffset.MaxValue)];

    /// <summary>One member as the team list shows them.</summary>
    public static CrewMemberDto Member(PropertyState state, Guid userId, AccessLevel level, UserDto? user)
    {
        var name = user is null
            ? null
            : string.Join(' ', new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return new CrewMemberDto(userId, string.IsNullOrEmpty(name) ? null : name, user?.Email, level, CurrentService(state, userId), JoinedAt(state, userId, level));
    }

    /// <summary>404 <c>invitation.not_found</c>.</summary>
    public static NotFoundException InvitationNotFound() => new("invitation.not_found", "No such invitation.");

    // The owner joined when the property was created; crew when they last accepted one of its invitations.
    private static DateTimeOffset? JoinedAt(PropertyState state, Guid userId, AccessLevel level) =>
        level == AccessLevel.Owner
            ? state.CreatedAt
            : state.Invitations.Values
                .Select(invitation => invitation.AcceptedBy.TryGetValue(userId, out var at) ? at : (DateTimeOffset?)null)
                .Max();

    private static CrewService? CurrentService(PropertyState state, Guid userId) =>
        state.MemberServices.TryGetValue(userId, out var service) ? service : null;
}
