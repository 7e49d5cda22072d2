using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Tests.Crew;

/// <summary>Gives a user a role on a property through the grains, as the API does: an invitation, then its accept.</summary>
internal static class CrewInvitations
{
    public static async Task JoinAsync(
        this IGrainFactory grains, Guid propertyId, UserDto inviter, UserDto member, AccessLevel level, CrewService? service = null)
    {
        var crew = grains.GetGrain<IPropertyCrewGrain>(propertyId);
        var invitation = await crew.CreateInvitationAsync(inviter.Id, new CreateInvitation(level, service, null, null, null, "en"));
        var target = await grains.GetGrain<IInvitationIndexGrain>(InvitationKeys.For(invitation.Token!)).ResolveAsync();
        await grains.GetGrain<IPropertyCrewGrain>(target!.PropertyId).AcceptInvitationAsync(member.Id, target.InvitationId, verifiedEmail: null);
    }
}
