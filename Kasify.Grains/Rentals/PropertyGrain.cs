using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
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
// vendor or a mail server, so the property's queue never does either.
internal sealed partial class PropertyGrain(
    [PersistentState("property", StorageNames.Kasify)] IPersistentState<PropertyState> state,
    IGrainFactory grains,
    ICoverImageStore coverImages,
    DurableDeliveryOptions deliveryOptions,
    TimeProvider time,
    ILogger<PropertyGrain> logger) : Grain, IPropertyGrain, IRemindable
{
    private const string OutboxReminder = "property-outbox"; // persisted by the reminder provider: never rename

    private DurableDelivery _outbox = null!;
    private bool _acknowledgedUnsaved;

    private Guid PropertyId => this.GetPrimaryKey();

    private bool Exists => state.RecordExists && !state.State.Deleted;

    private PropertySchedule Schedule => new(
        state.State.Details.TimeZone ?? PropertyLimits.DefaultTimeZone,
        state.State.Details.CheckinTime ?? PropertyLimits.DefaultCheckinTime,
        state.State.Details.CheckoutTime ?? PropertyLimits.DefaultCheckoutTime);

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

    public async Task<PropertyDto> ReplaceAsync(Guid callerId, PropertyDetails details)
    {
        var role = RequireEditor(callerId);
        var current = state.State.Details;

        // Non-owners never see the owner-only fields, so what they send back must not erase them.
        var replacement = role == AccessLevel.Owner
            ? details
            : details with { AirbnbIcalUrl = current.AirbnbIcalUrl, BookingIcalUrl = current.BookingIcalUrl, DefaultCleanerId = current.DefaultCleanerId };
        var normalized = PropertyRules.Normalize(replacement);
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

        var current = state.State.Details;
        var merged = current with
        {
            Name = patch.Name.IsSet ? patch.Name.Value! : current.Name,
            Address = patch.Address.IsSet ? patch.Address.Value! : current.Address,
            ZipCode = patch.ZipCode.IsSet ? patch.ZipCode.Value! : current.ZipCode,
            DefaultCleanerId = patch.DefaultCleanerId.ApplyTo(current.DefaultCleanerId),
            SesEstablishmentCode = patch.SesEstablishmentCode.ApplyTo(current.SesEstablishmentCode),
            SesEstablishmentType = patch.SesEstablishmentType.ApplyTo(current.SesEstablishmentType),
            HasInternet = patch.HasInternet.ApplyTo(current.HasInternet),
            RoomsCount = patch.RoomsCount.ApplyTo(current.RoomsCount),
            CheckinTime = patch.CheckinTime.ApplyTo(current.CheckinTime),
            CheckoutTime = patch.CheckoutTime.ApplyTo(current.CheckoutTime),
        };
        var normalized = PropertyRules.Normalize(merged);
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

    private PropertyDto ToDto(AccessLevel role)
    {
        var details = state.State.Details;
        var isOwner = role == AccessLevel.Owner;
        return new PropertyDto(
            PropertyId,
            state.State.AccountId,
            details.Name,
            details.Address,
            details.City,
            details.ZipCode,
            details.CountryCode,
            details.ProvinceId,
            details.CityId,
            details.CheckinTime ?? PropertyLimits.DefaultCheckinTime,
            details.CheckoutTime ?? PropertyLimits.DefaultCheckoutTime,
            details.TimeZone ?? PropertyLimits.DefaultTimeZone,
            isOwner ? details.AirbnbIcalUrl : null,
            isOwner ? details.BookingIcalUrl : null,
            isOwner ? details.DefaultCleanerId : null,
            details.SesEstablishmentCode,
            details.SesEstablishmentType,
            details.HasInternet,
            details.RoomsCount,
            state.State.CoverImage?.Version,
            role,
            state.State.CreatedAt,
            state.State.UpdatedAt);
    }

    // The feed keeps at most IActivityFeedGrain.Capacity entries, so reading all of them to count is bounded.
    public async Task<PropertyActivity?> GetActivityAsync(Guid callerId, int limit)
    {
        if (!TryGetRole(callerId, out var role))
        {
            return null;
        }

        var entries = await grains.GetGrain<IActivityFeedGrain>(PropertyId).GetLatestAsync(null, IActivityFeedGrain.Capacity);
        var visible = entries.Where(entry => BookingAccess.CanRead(role) || entry.BookingId is null).ToList();
        return new PropertyActivity(PropertyId, state.State.Details.Name, visible.Count, [.. visible.Take(Math.Max(0, limit))]);
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

    // Booking changes reach the locks before the request is answered, so a code asked for right after finds its booking;
    // when that fails, the outbox pass retries.
    private async Task DeliverNowAsync()
    {
        try
        {
            await PushOutboxAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogOutboxDeferred(exception);
        }
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
                grains.GetGrain<IPropertyGuestsGrain>(PropertyId).ApplyAccessAsync(access));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not deliver the property's outbox at once; the outbox pass retries")]
    private partial void LogOutboxDeferred(Exception exception);

}
