using System.Collections.Immutable;
using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Rentals;

// The team lives in the property's own state and activation: invitations and accepts are decided one call at a time
// against the members map, so concurrent accepts can never use an invitation more often than it allows.
internal sealed partial class PropertyGrain : IPropertyCrewGrain
{
    public async Task<InvitationDto> CreateInvitationAsync(Guid callerId, CreateInvitation command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var role = RequireCrewManager(callerId, "invitation.forbidden");
        if (role == AccessLevel.Manager && command.AccessLevel == AccessLevel.Manager)
        {
            throw new ForbiddenException("invitation.forbidden", "Only the owner may invite managers.");
        }

        var now = time.GetUtcNow();
        var invitation = InvitationRules.Create(command, callerId, now);
        foreach (var ended in InvitationRules.Prunable(state.State.Invitations.Values, now))
        {
            await grains.GetGrain<IInvitationIndexGrain>(InvitationKeys.For(ended.Token))
                .ReleaseAsync(new InvitationTarget(PropertyId, ended.Id));
            state.State.Invitations.Remove(ended.Id);
        }

        InvitationRules.EnsureRoom(state.State.Invitations.Values, now);

        // The index entry first: until the invitation is stored it leads to nothing, and a token nobody was shown cannot
        // be presented. If the write fails the entry is taken back, since the client's retry makes a new token.
        var target = new InvitationTarget(PropertyId, invitation.Id);
        var index = grains.GetGrain<IInvitationIndexGrain>(InvitationKeys.For(invitation.Token));
        if (!await index.RegisterAsync(target))
        {
            throw new ConflictException("invitation.token_taken", "The generated token is taken; retry the request.");
        }

        state.State.Invitations[invitation.Id] = invitation;
        if (invitation.Email is { } email)
        {
            QueueInvitationEmail(invitation, email);
        }

        try
        {
            await SaveChangesAsync();
        }
        catch (KasifyException)
        {
            await index.ReleaseAsync(target);
            throw;
        }

        return invitation.ToDto(PropertyId);
    }

    public Task<ImmutableArray<InvitationDto>> ListInvitationsAsync(Guid callerId)
    {
        RequireCrewManager(callerId, "invitation.forbidden");

        // Only the owner invites managers, so only the owner may hand on a manager invitation's code.
        var callerIsOwner = state.State.Members.GetValueOrDefault(callerId) == AccessLevel.Owner;
        return Task.FromResult<ImmutableArray<InvitationDto>>([.. state.State.Invitations.Values
            .Where(invitation => invitation.RevokedAt is null)
            .OrderBy(invitation => invitation.CreatedAt)
            .Select(invitation => invitation.ToDto(PropertyId) is var dto && !callerIsOwner && invitation.AccessLevel == AccessLevel.Manager
                ? dto with { Token = null }
                : dto)]);
    }

    public async Task RevokeInvitationAsync(Guid callerId, Guid invitationId)
    {
        RequireCrewManager(callerId, "invitation.forbidden");
        if (!state.State.Invitations.TryGetValue(invitationId, out var invitation))
        {
            throw InvitationNotFound();
        }

        // Revoking twice changes nothing; the token stays indexed so that it answers 410 invitation.revoked.
        if (invitation.RevokedAt is null)
        {
            invitation.RevokedAt = time.GetUtcNow();
            await SaveChangesAsync();
        }
    }

    public async Task<AcceptedInvitation> AcceptInvitationAsync(Guid callerId, Guid invitationId, string? verifiedEmail)
    {
        if (!Exists || !state.State.Invitations.TryGetValue(invitationId, out var invitation))
        {
            throw InvitationNotFound();
        }

        var accepted = new AcceptedInvitation(PropertyId, state.State.Details.Name);
        if (state.State.Members.TryGetValue(callerId, out var current))
        {
            // A repeated accept (a retry, a second click) is answered again without using the invitation up.
            return current == AccessLevel.Owner
                ? throw new ConflictException("invitation.owner", "The owner of the property cannot accept an invitation to it.")
                : accepted;
        }

        var now = time.GetUtcNow();
        if (InvitationRules.WhyGone(invitation, now) is { } gone)
        {
            throw gone;
        }

        var userGrain = grains.GetGrain<IUserGrain>(callerId);
        _ = await userGrain.GetAsync() ?? throw new NotFoundException("user.not_found", "The user is not registered.");
        if (!InvitationRules.EmailMatches(invitation, verifiedEmail))
        {
            throw new ForbiddenException("invitation.email_mismatch", "This invitation is for another email address.");
        }

        // The user's membership first, as when the property was created; taken back if the property cannot store the member.
        await userGrain.SetMembershipAsync(new PropertyMembership(PropertyId, invitation.AccessLevel));
        invitation.Uses++;
        invitation.AcceptedAt = now;
        invitation.AcceptedBy[callerId] = now;
        state.State.Members[callerId] = invitation.AccessLevel;
        SetService(callerId, invitation.Service);
        try
        {
            await SaveChangesAsync();
        }
        catch (KasifyException)
        {
            await userGrain.RemoveMembershipAsync(PropertyId);
            throw;
        }

        return accepted;
    }

    public async Task<ImmutableArray<CrewMemberDto>> ListCrewAsync(Guid callerId)
    {
        RequireCrewManager(callerId, "crew.forbidden");
        var members = state.State.Members.ToList();
        var users = await Task.WhenAll(members.Select(member => grains.GetGrain<IUserGrain>(member.Key).GetAsync()));
        return [.. members
            .Select((member, i) => ToMember(member.Key, member.Value, users[i]))
            .OrderBy(member => member.AccessLevel != AccessLevel.Owner)
            .ThenBy(member => member.JoinedAt ?? DateTimeOffset.MaxValue)];
    }

    public async Task<CrewMemberDto> UpdateMemberAsync(Guid callerId, Guid userId, UpdateCrewMember command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var role = RequireCrewManager(callerId, "crew.forbidden");
        var current = RequireMember(userId);
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

        var service = command.Service.IsSet ? command.Service.Value : CurrentService(userId);
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

        if (level != current)
        {
            await grains.GetGrain<IUserGrain>(userId).SetMembershipAsync(new PropertyMembership(PropertyId, level));
        }

        state.State.Members[userId] = level;
        SetService(userId, service);
        await SaveChangesAsync();
        return ToMember(userId, level, await grains.GetGrain<IUserGrain>(userId).GetAsync());
    }

    public async Task RemoveMemberAsync(Guid callerId, Guid userId)
    {
        var role = RequireRole(callerId);
        var leaving = callerId == userId;
        if (!leaving && !CanManageCrew(role))
        {
            throw new ForbiddenException("crew.forbidden", "Only the owner and managers manage the team.");
        }

        var target = RequireMember(userId);
        if (target == AccessLevel.Owner)
        {
            throw new ConflictException("crew.owner", "The owner cannot be removed from the property.");
        }

        if (!leaving && role == AccessLevel.Manager && target == AccessLevel.Manager)
        {
            throw new ForbiddenException("crew.forbidden", "Only the owner may remove a manager.");
        }

        // The user's side first: if the property's write then fails, the member is still listed and the retry finishes.
        await grains.GetGrain<IUserGrain>(userId).RemoveMembershipAsync(PropertyId);
        state.State.Members.Remove(userId);
        state.State.MemberServices.Remove(userId);
        if (state.State.Details.DefaultCleanerId == userId)
        {
            // The default cleaner must be a member; new cleaning tasks fall back to the owner.
            state.State.Details = state.State.Details with { DefaultCleanerId = null };
        }

        await SaveChangesAsync();
    }

    // The email goes out through the outbox: stored with the invitation, handed to the invitation's mail grain after the
    // answer, which talks to the mail server on its own time.
    private void QueueInvitationEmail(PropertyInvitation invitation, string email) =>
        state.State.PendingMails[invitation.Id] = new InvitationMail(
            invitation.Id,
            email,
            invitation.Locale,
            state.State.Details.Name,
            invitation.AccessLevel.ToString().ToLowerInvariant(),
            invitation.Token,
            invitation.ExpiresAt);

    private CrewMemberDto ToMember(Guid userId, AccessLevel level, UserDto? user)
    {
        var name = user is null
            ? null
            : string.Join(' ', new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return new CrewMemberDto(
            userId,
            string.IsNullOrEmpty(name) ? null : name,
            user?.Email,
            level,
            CurrentService(userId),
            JoinedAt(userId, level));
    }

    // The owner joined when the property was created; crew when they last accepted one of its invitations.
    private DateTimeOffset? JoinedAt(Guid userId, AccessLevel level) =>
        level == AccessLevel.Owner
            ? state.State.CreatedAt
            : state.State.Invitations.Values
                .Select(invitation => invitation.AcceptedBy.TryGetValue(userId, out var at) ? at : (DateTimeOffset?)null)
                .Max();

    private CrewService? CurrentService(Guid userId) =>
        state.State.MemberServices.TryGetValue(userId, out var service) ? service : null;

    private void SetService(Guid userId, CrewService? service)
    {
        if (service is { } value)
        {
            state.State.MemberServices[userId] = value;
        }
        else
        {
            state.State.MemberServices.Remove(userId);
        }
    }

    private AccessLevel RequireCrewManager(Guid callerId, string forbiddenCode)
    {
        var role = RequireRole(callerId);
        return CanManageCrew(role)
            ? role
            : throw new ForbiddenException(forbiddenCode, "Only the owner and managers manage the team.");
    }

    private AccessLevel RequireMember(Guid userId) =>
        state.State.Members.TryGetValue(userId, out var level)
            ? level
            : throw new NotFoundException("crew.not_found", "The user is not a member of this property.");

    private static bool CanManageCrew(AccessLevel role) => role is AccessLevel.Owner or AccessLevel.Manager;

    private static NotFoundException InvitationNotFound() => new("invitation.not_found", "No such invitation.");

}
