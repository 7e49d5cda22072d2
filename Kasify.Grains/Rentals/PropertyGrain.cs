using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Rentals.CoverImages;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Rentals;

// Calls go from the property to user and account grains only, never back: that keeps grain call chains acyclic.
internal sealed class PropertyGrain(
    [PersistentState("property", StorageNames.Kasify)] IPersistentState<PropertyState> state,
    IGrainFactory grains,
    ICoverImageStore coverImages,
    TimeProvider time) : Grain, IPropertyGrain
{
    private Guid PropertyId => this.GetPrimaryKey();

    private bool Exists => state.RecordExists && !state.State.Deleted;

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
        PropertyRules.EnsureValid(normalized, members);

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
            await state.SaveAsync(this);
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
        PropertyRules.EnsureValid(normalized, state.State.Members);
        state.State.Details = normalized;
        return await SaveAsync(role);
    }

    public async Task<PropertyDto> PatchAsync(Guid callerId, PropertyPatch patch)
    {
        var role = RequireEditor(callerId);
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
            await state.SaveAsync(this);
        }

        await coverImages.DeleteAsync(PropertyId);
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
        await state.SaveAsync(this);
        return ToDto(role);
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
}
