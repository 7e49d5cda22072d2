using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Rentals;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kasify.Api.Tests.Calendar;

/// <summary>
/// Gives users non-owner roles by writing a property's row before its grain activates; crew management (invitations)
/// is a later feature.
/// </summary>
internal static class ApiCrew
{
    public static async Task<Guid> CreatePropertyWithCrewAsync(
        this KasifyApiFactory factory, Guid ownerId, string name, string timeZone, params (Guid UserId, AccessLevel Role)[] crew)
    {
        var owner = (await factory.Grains.GetGrain<IUserGrain>(ownerId).GetAsync())!;
        var propertyId = Guid.NewGuid();
        var members = new Dictionary<Guid, AccessLevel> { [ownerId] = AccessLevel.Owner };
        foreach (var (userId, role) in crew)
        {
            members[userId] = role;
        }

        var now = DateTimeOffset.UtcNow;
        var state = new PropertyState
        {
            AccountId = owner.AccountId,
            Details = new PropertyDetails(name, "Calle Mayor 1", "Madrid", "28013", null, null, null, null, null, timeZone, null, null, null, null, null, null, null),
            Members = members,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var storage = factory.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify);
        await storage.WriteStateAsync("property", factory.Grains.GetGrain<IPropertyGrain>(propertyId).GetGrainId(), new GrainState<PropertyState>(state));
        foreach (var (userId, role) in members)
        {
            await factory.Grains.GetGrain<IUserGrain>(userId).SetMembershipAsync(new PropertyMembership(propertyId, role));
        }

        await factory.Grains.GetGrain<IAccountGrain>(owner.AccountId).AddPropertyAsync(propertyId);
        return propertyId;
    }
}
