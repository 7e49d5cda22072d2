using System.Collections.Immutable;
using Kasify.Grains.Bookings;
using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Guests;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Outbox;
using Kasify.Grains.Rentals.CoverImages;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Rentals;

// Calls go from the property to user, account, invitation index, the grains serving its concerns (calendar, tasks,
// locks), mail and activity feed grains, never back: that keeps grain call chains acyclic. None of them waits on a
// vendor or a mail server, so the property's queue never does either. The team lives in the property's own state:
// invitations and accepts are decided one call at a time against the members map (PropertyCrewRules), so concurrent
// accepts can never use an invitation more often than it allows.
internal sealed class PropertyGrain(
    [PersistentState("property", StorageNames.Kasify)] IPersistentState<PropertyState> state,
    IGrainFactory grains,
    ICoverImageStore coverImages,
    DurableDeliveryOptions deliveryOptions,
    TimeProvider time,
    ILogger<PropertyGrain> logger) : Grain, IPropertyGrain, IPropertyCrewGrain, IRemindable
{
    private const string OutboxReminder = "property-outbox"; // persisted by the reminder provider: never rename

    private DurableDelivery _outbox = null!;
    private bool _acknowledgedUnsaved;

    private Guid PropertyId => this.GetPrimaryKey();

    private bool Exists => state.RecordExists && !state.State.Deleted;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = new DurableDelivery(this, OutboxReminder, DeliverOutboxAsync, deliveryOptions, logger);

        // A row written before bookings, tasks and smart locks had grains of their own: each of those grains takes its part
        // over from this row when it activates, and then this row forgets them.
        if (state.RecordExists && PropertyRules.HoldsOtherConcerns(state.State))
        {
            await Task.WhenAll(
                grains.GetGrain<IBookingCalendarGrain>(PropertyId).EnsureMigratedAsync(),
                grains.GetGrain<IPropertyTasksGrain>(PropertyId).EnsureMigratedAsync(),
                grains.GetGrain<IPropertyLocksGrain>(PropertyId).EnsureMigratedAsync());
            PropertyRules.ForgetOtherConcerns(state.State);
            await state.SaveAsync(this);
        }

        if (state.RecordExists && (state.State.AccessDelivered < state.State.AccessVersion || state.State.PendingMails.Count > 0))
        {
            _outbox.Kick();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        _outbox.Owns(reminderName) ? _outbox.OnReminderAsync() : Task.CompletedTask;

    public async Task<PropertyDto> CreateAsync(Guid callerId, PropertyDetails details)
    {
        if (state.RecordExists)
        {
            throw new ConflictException("property.exists", "A property with this id already exists.");
        }

        var owner = await grains.GetGrain<IUserGrain>(callerId).GetAsync()
            ?? throw new NotFoundException("user.not_found", "The user is not registered.");
        var members = new Dictionary<Guid, AccessLevel> { [callerId] = AccessLevel.Owner };
        var normalized = PropertyRules.Normalize(details);
        PropertyRules.EnsureValid(normalized, members, Geo.GeoCatalog.Embedded);

        // Index entries first: until the property row is written they point at nothing visible. If that write fails
        // they are taken back, since the client's retry creates a property with a new id.
        var user = grains.GetGrain<IUserGrain>(callerId);
        var account = grains.GetGrain<IAccountGrain>(owner.AccountId);
        await user.SetMembershipAsync(new PropertyMembership(PropertyId, AccessLevel.Owner));
        await account.AddPropertyAsync(PropertyId);

        var now = time.GetUtcNow();
        state.State.AccountId = owner.AccountId;
        state.State.Details = normalized;
        state.State.Members = members;
        state.State.CreatedAt = now;
        state.State.UpdatedAt = now;
        try
        {
            await SaveChangesAsync();
        }
        catch (KasifyException)
        {
            await user.RemoveMembershipAsync(PropertyId);
            await account.RemovePropertyAsync(PropertyId);
            throw;
        }

        return ToDto(AccessLevel.Owner);
    }

    public Task<PropertyDto?> GetAsync(Guid callerId) =>
        Task.FromResult(Exists && state.State.Members.TryGetValue(callerId, out var role) ? ToDto(role) : null);

    public Task<int> GetUndeliveredCountAsync() =>
        Task.FromResult((state.State.AccessDelivered < state.State.AccessVersion ? 1 : 0) + state.State.PendingMails.Count);

    public async Task<PropertyDto> ReplaceAsync(Guid callerId, PropertyDetails details)
    {
        var role = RequireEditor(callerId);
        var normalized = PropertyRules.Normalize(PropertyViews.Replacement(role, state.State.Details, details));
        PropertyRules.EnsureValid(normalized, state.State.Members, Geo.GeoCatalog.Embedded);
        state.State.Details = normalized;
        return await SaveAsync(role);
    }

    public async Task<PropertyDto> PatchAsync(Guid callerId, PropertyPatch patch)
    {
        var role = RequireEditor(callerId);

        // The default cleaner is owner-only like on PUT, where non-owners cannot erase it; a patch naming it is refused.
        if (role != AccessLevel.Owner && patch.DefaultCleanerId.IsSet)
        {
            throw new ForbiddenException("property.forbidden", "Only the owner sets the default cleaner.");
        }

        var normalized = PropertyRules.Normalize(PropertyViews.Merge(state.State.Details, patch));
        PropertyRules.EnsureValid(normalized, state.State.Members);
        state.State.Details = normalized;
        return await SaveAsync(role);
    }

    public async Task DeleteAsync(Guid callerId)
    {
        // An owner's retry after a delete that failed half-way finishes the clean-up.
        var resuming = state.RecordExists && state.State.Deleted
            && state.State.Members.TryGetValue(callerId, out var previousRole) && previousRole == AccessLevel.Owner;
        if (!resuming)
        {
            if (RequireRole(callerId) != AccessLevel.Owner)
            {
                throw new ForbiddenException("property.forbidden", "Only the owner may delete a property.");
            }

            state.State.Deleted = true;
            await SaveChangesAsync();
        }

        await coverImages.DeleteAsync(PropertyId);

        // Guests' codes go before anything else: a lock whose vendor is down stops the delete, which the owner repeats.
        await PushOutboxAsync();
        await grains.GetGrain<IPropertyLocksGrain>(PropertyId).DetachAllAsync();

        // Guests' identity data goes with the property: nothing keeps it reachable, so nothing may keep it stored.
        await grains.GetGrain<IBookingCalendarGrain>(PropertyId).EraseAllAsync();
        await grains.GetGrain<IPropertyGuestsGrain>(PropertyId).EraseAllAsync();
        await grains.GetGrain<IPropertyTasksGrain>(PropertyId).EraseArchivesAsync();

        foreach (var member in state.State.Members.Keys)
        {
            await grains.GetGrain<IUserGrain>(member).RemoveMembershipAsync(PropertyId);
        }

        await grains.GetGrain<IAccountGrain>(state.State.AccountId).RemovePropertyAsync(PropertyId);
        await state.ClearAsync(this);
        DeactivateOnIdle();
    }

    public async Task<PropertyDto> SetCoverImageAsync(Guid callerId, string contentType, byte[] content)
    {
        var role = RequireEditor(callerId);
        await coverImages.SaveAsync(PropertyId, new StoredCoverImage(contentType, content));
        state.State.CoverImage = new CoverImageInfo { ContentType = contentType, Version = (state.State.CoverImage?.Version ?? 0) + 1 };
        return await SaveAsync(role);
    }

    public async Task<CoverImage?> GetCoverImageAsync(Guid callerId)
    {
        if (!Exists || !state.State.Members.ContainsKey(callerId) || state.State.CoverImage is not { } info)
        {
            return null;
        }

        var stored = await coverImages.ReadAsync(PropertyId);
        return stored is null ? null : new CoverImage(stored.ContentType, stored.Content, info.Version);
    }

    public async Task<PropertyDto> RemoveCoverImageAsync(Guid callerId)
    {
        var role = RequireEditor(callerId);
        if (state.State.CoverImage is null)
        {
            return ToDto(role);
        }

        await coverImages.DeleteAsync(PropertyId);
        state.State.CoverImage = null;
        return await SaveAsync(role);
    }

    public async Task<InvitationDto> CreateInvitationAsync(Guid callerId, CreateInvitation command)
    {
        ArgumentNullException.ThrowIfNull(command);
        PropertyCrewRules.EnsureMayInvite(RequireRole(callerId), command);
        var now = time.GetUtcNow();
        var invitation = InvitationRules.Create(command, callerId, now);
        foreach (var ended in InvitationRules.Prunable(state.State.Invitations.Values, now))
        {
            await grains.GetGrain<IInvitationIndexGrain>(InvitationKeys.For(ended.Token)).ReleaseAsync(new InvitationTarget(PropertyId, ended.Id));
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
            // The email goes out through the outbox: the invitation's mail grain talks to the mail server on its own time.
            state.State.PendingMails[invitation.Id] = PropertyCrewRules.Mail(invitation, email, state.State.Details.Name);
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
        PropertyCrewRules.RequireCrewManager(RequireRole(callerId), "invitation.forbidden");
        return Task.FromResult(PropertyCrewRules.Invitations(state.State, PropertyId, callerId));
    }

    public async Task RevokeInvitationAsync(Guid callerId, Guid invitationId)
    {
        PropertyCrewRules.RequireCrewManager(RequireRole(callerId), "invitation.forbidden");
        var invitation = state.State.Invitations.GetValueOrDefault(invitationId) ?? throw PropertyCrewRules.InvitationNotFound();

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
            throw PropertyCrewRules.InvitationNotFound();
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
        PropertyCrewRules.Admit(state.State, invitation, callerId, now);
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
        PropertyCrewRules.RequireCrewManager(RequireRole(callerId), "crew.forbidden");
        var members = state.State.Members.ToList();
        var users = await Task.WhenAll(members.Select(member => grains.GetGrain<IUserGrain>(member.Key).GetAsync()));
        return PropertyCrewRules.Members(state.State, [.. members.Select((member, i) => (member.Key, member.Value, users[i]))]);
    }

    public async Task<CrewMemberDto> UpdateMemberAsync(Guid callerId, Guid userId, UpdateCrewMember command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (level, service) = PropertyCrewRules.DecideUpdate(state.State, RequireRole(callerId), userId, command);
        if (level != state.State.Members[userId])
        {
            await grains.GetGrain<IUserGrain>(userId).SetMembershipAsync(new PropertyMembership(PropertyId, level));
        }

        state.State.Members[userId] = level;
        PropertyCrewRules.SetService(state.State, userId, service);
        await SaveChangesAsync();
        return PropertyCrewRules.Member(state.State, userId, level, await grains.GetGrain<IUserGrain>(userId).GetAsync());
    }

    public async Task RemoveMemberAsync(Guid callerId, Guid userId)
    {
        PropertyCrewRules.EnsureMayRemove(state.State, RequireRole(callerId), callerId, userId);

        // The user's side first: if the property's write then fails, the member is still listed and the retry finishes.
        await grains.GetGrain<IUserGrain>(userId).RemoveMembershipAsync(PropertyId);
        PropertyCrewRules.RemoveMember(state.State, userId);
        await SaveChangesAsync();
    }

    private async Task<PropertyDto> SaveAsync(AccessLevel role)
    {
        state.State.UpdatedAt = time.GetUtcNow();
        await SaveChangesAsync();
        return ToDto(role);
    }

    private bool TryGetRole(Guid callerId, out AccessLevel role)
    {
        role = default;
        return Exists && state.State.Members.TryGetValue(callerId, out role);
    }

    private AccessLevel RequireRole(Guid callerId) =>
        Exists && state.State.Members.TryGetValue(callerId, out var role)
            ? role
            : throw new NotFoundException("property.not_found", "No such property.");

    private AccessLevel RequireEditor(Guid callerId)
    {
        var role = RequireRole(callerId);
        return PropertyRules.CanEdit(role)
            ? role
            : throw new ForbiddenException("property.forbidden", "Your role on this property does not allow changing it.");
    }

    private PropertyDto ToDto(AccessLevel role) => PropertyViews.Dto(PropertyId, state.State, role);

    public async Task<PropertyActivity?> GetActivityAsync(Guid callerId, int limit)
    {
        if (!TryGetRole(callerId, out var role))
        {
            return null;
        }

        var summary = await grains.GetGrain<IActivityFeedGrain>(PropertyId).GetSummaryAsync(BookingAccess.CanRead(role), Math.Max(0, limit));
        return new PropertyActivity(PropertyId, state.State.Details.Name, summary.Total, summary.Latest);
    }

    // Every write bumps the access version, so the grains that serve the property's concerns get the new snapshot from
    // the outbox pass that follows the turn; the reminder is in place before the answer, so a crash loses nothing.
    private async Task SaveChangesAsync()
    {
        state.State.AccessVersion++;
        await _outbox.EnsureReminderAsync();
        await state.SaveAsync(this);
        _outbox.Kick();
    }

    private async Task<bool> DeliverOutboxAsync()
    {
        await PushOutboxAsync();
        if (_acknowledgedUnsaved)
        {
            await state.SaveAsync(this);
            _acknowledgedUnsaved = false;
        }

        return state.State.AccessDelivered >= state.State.AccessVersion && state.State.PendingMails.Count == 0;
    }

    // The grains serving the property's concerns take the new snapshot, and the mail grains their invitations' emails.
    private async Task PushOutboxAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }

        var access = PropertyRow.AccessOf(state.State);
        if (state.State.AccessDelivered < access.Version)
        {
            await Task.WhenAll(
                grains.GetGrain<IBookingCalendarGrain>(PropertyId).ApplyAccessAsync(access),
                grains.GetGrain<IPropertyTasksGrain>(PropertyId).ApplyAccessAsync(access),
                grains.GetGrain<IPropertyLocksGrain>(PropertyId).ApplyAccessAsync(access),
                grains.GetGrain<IPropertyGuestsGrain>(PropertyId).ApplyAccessAsync(access),
                grains.GetGrain<IPropertyChannelsGrain>(PropertyId).ApplyAccessAsync(access));
            state.State.AccessDelivered = access.Version;
            _acknowledgedUnsaved = true;
        }

        foreach (var mail in state.State.PendingMails.Values.ToList())
        {
            await grains.GetGrain<IInvitationMailGrain>(mail.InvitationId).SendAsync(mail);
            state.State.PendingMails.Remove(mail.InvitationId);
            _acknowledgedUnsaved = true;
        }
    }
}
