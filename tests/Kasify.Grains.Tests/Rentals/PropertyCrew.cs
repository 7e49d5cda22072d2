using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Rentals;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kasify.Grains.Tests.Rentals;

/// <summary>
/// Creates properties that already have crew, by writing the property's row before its grain ever activates. Crew
/// management (invitations) is a later feature; until then this is the only way to give a user a non-owner role.
/// </summary>
internal static class PropertyCrew
{
    public static async Task<Guid> CreatePropertyWithCrewAsync(
        this GrainClusterFixture fixture, UserDto owner, params (UserDto User, AccessLevel Role)[] crew)
    {
        var propertyId = Guid.NewGuid();
        var members = new Dictionary<Guid, AccessLevel> { [owner.Id] = AccessLevel.Owner };
        foreach (var (user, role) in crew)
        {
            members[user.Id] = role;
        }

        var now = DateTimeOffset.UtcNow;
        var state = new PropertyState
        {
            AccountId = owner.AccountId,
            Details = PropertyRules.Normalize(PropertyGrainTests.Details()),
            Members = members,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify);
        await storage.WriteStateAsync("property", fixture.Grains.GetGrain<IPropertyGrain>(propertyId).GetGrainId(), new GrainState<PropertyState>(state));

        foreach (var (userId, role) in members)
        {
            await fixture.Grains.GetGrain<IUserGrain>(userId).SetMembershipAsync(new PropertyMembership(propertyId, role));
        }

        await fixture.Grains.GetGrain<IAccountGrain>(owner.AccountId).AddPropertyAsync(propertyId);
        return propertyId;
    }
}
