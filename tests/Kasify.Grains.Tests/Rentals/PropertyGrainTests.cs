using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;

namespace Kasify.Grains.Tests.Rentals;

public sealed class PropertyGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    internal static PropertyDetails Details(string name = "Casa Azul") => new(
        name, "Calle Mayor 1", "Madrid", "28013", "es", null, null, null, null, null,
        null, null, null, null, "VUT", true, 3);

    [Fact]
    public async Task CreatingAPropertyMakesTheCallerItsOwnerInTheirAccount()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var id = Guid.NewGuid();

        var created = await _grains.GetGrain<IPropertyGrain>(id).CreateAsync(owner.Id, Details());

        Assert.Equal(AccessLevel.Owner, created.Role);
        Assert.Equal(owner.AccountId, created.AccountId);
        Assert.Equal("ES", created.CountryCode);
        Assert.Equal(PropertyLimits.DefaultTimeZone, created.TimeZone);
        Assert.Equal(new TimeOnly(15, 0), created.CheckinTime);
        Assert.Contains(new PropertyMembership(id, AccessLevel.Owner), await _grains.GetGrain<IUserGrain>(owner.Id).GetMembershipsAsync());
        Assert.Contains(id, await _grains.GetGrain<IAccountGrain>(owner.AccountId).GetPropertyIdsAsync());
    }

    [Fact]
    public async Task AnotherUserCannotSeeOrChangeTheProperty()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var stranger = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, Details());

        Assert.Null(await property.GetAsync(stranger.Id));
        var replace = await Assert.ThrowsAsync<NotFoundException>(() => property.ReplaceAsync(stranger.Id, Details("Mine now")));
        await Assert.ThrowsAsync<NotFoundException>(() => property.DeleteAsync(stranger.Id));
        Assert.Equal("property.not_found", replace.Code);
        Assert.Equal("Casa Azul", (await property.GetAsync(owner.Id))!.Name);
    }

    [Fact]
    public async Task APatchChangesOnlyTheFieldsItSets()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, Details());

        var patched = await property.PatchAsync(owner.Id, new PropertyPatch(
            Patch<string>.Set("Casa Verde"), default, default, default, default, Patch<string>.Set(null), default,
            Patch<int?>.Set(null), Patch<TimeOnly?>.Set(new TimeOnly(16, 30)), default));

        Assert.Equal("Casa Verde", patched.Name);
        Assert.Equal("Calle Mayor 1", patched.Address);
        Assert.Null(patched.SesEstablishmentType);
        Assert.Null(patched.RoomsCount);
        Assert.True(patched.HasInternet);
        Assert.Equal(new TimeOnly(16, 30), patched.CheckinTime);
    }

    [Fact]
    public async Task OnlyTheOwnerPatchesTheDefaultCleaner()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var manager = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(await fixture.CreatePropertyWithCrewAsync(owner, (manager, AccessLevel.Manager)));
        var setCleaner = new PropertyPatch(default, default, default, Patch<Guid?>.Set(manager.Id), default, default, default, default, default, default);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => property.PatchAsync(manager.Id, setCleaner));
        var patched = await property.PatchAsync(owner.Id, setCleaner);

        Assert.Equal("property.forbidden", refused.Code);
        Assert.Equal(manager.Id, patched.DefaultCleanerId);
        Assert.Equal("Casa Azul", (await property.PatchAsync(manager.Id, setCleaner with { DefaultCleanerId = default, Name = Patch<string>.Set("Casa Azul") })).Name);
        Assert.Equal(manager.Id, (await property.GetAsync(owner.Id))!.DefaultCleanerId);
    }

    [Fact]
    public async Task APatchCannotClearTheName()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, Details());

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => property.PatchAsync(owner.Id, new PropertyPatch(
            Patch<string>.Set(null), default, default, default, default, default, default, default, default, default)));

        Assert.Equal(["name"], error.Errors.Keys);
    }

    [Fact]
    public async Task DeletingRemovesThePropertyFromItsOwnerAndAccount()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var id = Guid.NewGuid();
        var property = _grains.GetGrain<IPropertyGrain>(id);
        await property.CreateAsync(owner.Id, Details());
        await property.SetCoverImageAsync(owner.Id, "image/png", [0x89, 0x50, 0x4E, 0x47]);

        await property.DeleteAsync(owner.Id);

        Assert.Null(await property.GetAsync(owner.Id));
        Assert.Null(await property.GetCoverImageAsync(owner.Id));
        Assert.DoesNotContain(await _grains.GetGrain<IUserGrain>(owner.Id).GetMembershipsAsync(), membership => membership.PropertyId == id);
        Assert.DoesNotContain(id, await _grains.GetGrain<IAccountGrain>(owner.AccountId).GetPropertyIdsAsync());
    }

    [Fact]
    public async Task CoverImagesAreVersionedAndRemovable()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, Details());

        await property.SetCoverImageAsync(owner.Id, "image/png", [1, 2, 3]);
        var second = await property.SetCoverImageAsync(owner.Id, "image/jpeg", [4, 5]);
        var image = await property.GetCoverImageAsync(owner.Id);
        var removed = await property.RemoveCoverImageAsync(owner.Id);

        Assert.Equal(2, second.CoverImageVersion);
        Assert.Equal(new byte[] { 4, 5 }, image!.Content);
        Assert.Equal("image/jpeg", image.ContentType);
        Assert.Null(removed.CoverImageVersion);
        Assert.Null(await property.GetCoverImageAsync(owner.Id));
    }

    [Fact]
    public async Task CreatingTheSamePropertyTwiceIsAConflict()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var property = _grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, Details());

        var error = await Assert.ThrowsAsync<ConflictException>(() => property.CreateAsync(owner.Id, Details()));

        Assert.Equal("property.exists", error.Code);
    }
}
