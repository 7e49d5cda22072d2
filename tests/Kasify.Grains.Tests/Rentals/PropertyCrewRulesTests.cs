using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Rentals;

namespace Kasify.Grains.Tests.Rentals;

/// <summary>The team decisions of a property, made against its stored state without a cluster.</summary>
public sealed class PropertyCrewRulesTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();
    private static readonly Guid Cleaner = Guid.NewGuid();

    private static PropertyState Team()
    {
        var state = new PropertyState
        {
            Details = new PropertyDetails("Casa", "Calle 1", "Madrid", "28001", "ES", null, null, null, null, null, null, null, Cleaner, null, null, null, null),
            CreatedAt = Now.AddYears(-1),
        };
        state.Members[Owner] = AccessLevel.Owner;
        state.Members[Manager] = AccessLevel.Manager;
        state.Members[Cleaner] = AccessLevel.Staff;
        state.MemberServices[Cleaner] = CrewService.Cleaning;
        return state;
    }

    [Fact]
    public void OnlyTheOwnerInvitesManagersAndCrewDoNotInviteAtAll()
    {
        var managerInvitation = new CreateInvitation(AccessLevel.Manager, null, null, null, null, "en");

        PropertyCrewRules.EnsureMayInvite(AccessLevel.Owner, managerInvitation);
        PropertyCrewRules.EnsureMayInvite(AccessLevel.Manager, managerInvitation with { AccessLevel = AccessLevel.Staff });
        Assert.Equal("invitation.forbidden", Assert.Throws<ForbiddenException>(() => PropertyCrewRules.EnsureMayInvite(AccessLevel.Manager, managerInvitation)).Code);
        Assert.Throws<ForbiddenException>(() => PropertyCrewRules.EnsureMayInvite(AccessLevel.Staff, managerInvitation with { AccessLevel = AccessLevel.Staff }));
    }

    [Fact]
    public void APromotionToManagerDropsTheServiceAndAManagerCannotPromote()
    {
        var state = Team();
        var promote = new UpdateCrewMember(AccessLevel.Manager, default);

        Assert.Equal((AccessLevel.Manager, (CrewService?)null), PropertyCrewRules.DecideUpdate(state, AccessLevel.Owner, Cleaner, promote));
        Assert.Throws<ForbiddenException>(() => PropertyCrewRules.DecideUpdate(state, AccessLevel.Manager, Cleaner, promote));
        Assert.Throws<ConflictException>(() => PropertyCrewRules.DecideUpdate(state, AccessLevel.Owner, Owner, promote));
        Assert.Throws<NotFoundException>(() => PropertyCrewRules.DecideUpdate(state, AccessLevel.Owner, Guid.NewGuid(), promote));
        Assert.Throws<RequestValidationException>(() => PropertyCrewRules.DecideUpdate(state, AccessLevel.Owner, Cleaner, new UpdateCrewMember((AccessLevel)42, default)));
    }

    [Fact]
    public void AnyoneMayLeaveButOnlyTheOwnerRemovesAManagerAndNobodyTheOwner()
    {
        var state = Team();

        PropertyCrewRules.EnsureMayRemove(state, AccessLevel.Staff, Cleaner, Cleaner);
        PropertyCrewRules.EnsureMayRemove(state, AccessLevel.Manager, Manager, Cleaner);
        Assert.Throws<ForbiddenException>(() => PropertyCrewRules.EnsureMayRemove(state, AccessLevel.Staff, Cleaner, Manager));
        Assert.Throws<ConflictException>(() => PropertyCrewRules.EnsureMayRemove(state, AccessLevel.Owner, Owner, Owner));
        var otherManager = Guid.NewGuid();
        state.Members[otherManager] = AccessLevel.Manager;
        Assert.Throws<ForbiddenException>(() => PropertyCrewRules.EnsureMayRemove(state, AccessLevel.Manager, Manager, otherManager));
        PropertyCrewRules.EnsureMayRemove(state, AccessLevel.Owner, Owner, otherManager);
    }

    [Fact]
    public void RemovingTheDefaultCleanerClearsItAndTheirService()
    {
        var state = Team();

        PropertyCrewRules.RemoveMember(state, Cleaner);

        Assert.DoesNotContain(Cleaner, state.Members.Keys);
        Assert.DoesNotContain(Cleaner, state.MemberServices.Keys);
        Assert.Null(state.Details.DefaultCleanerId);
    }

    [Fact]
    public void AnAcceptedInvitationAdmitsWithItsLevelAndServiceAndDatesTheJoin()
    {
        var state = Team();
        var newcomer = Guid.NewGuid();
        var invitation = new PropertyInvitation { Id = Guid.NewGuid(), AccessLevel = AccessLevel.Contractor, Service = CrewService.Pool, MaxUses = 2 };
        state.Invitations[invitation.Id] = invitation;

        PropertyCrewRules.Admit(state, invitation, newcomer, Now);
        var members = PropertyCrewRules.Members(state, [(newcomer, AccessLevel.Contractor, null), (Owner, AccessLevel.Owner, null)]);

        Assert.Equal(1, invitation.Uses);
        Assert.Equal(AccessLevel.Contractor, state.Members[newcomer]);
        Assert.Equal([Owner, newcomer], members.Select(member => member.UserId));
        Assert.Equal((CrewService?)CrewService.Pool, members[1].Service);
        Assert.Equal(Now, members[1].JoinedAt);
        Assert.Equal(state.CreatedAt, members[0].JoinedAt);
    }

    [Fact]
    public void OnlyTheOwnerSeesAManagerInvitationsToken()
    {
        var state = Team();
        var invitation = new PropertyInvitation { Id = Guid.NewGuid(), Token = "secret", AccessLevel = AccessLevel.Manager, MaxUses = 1 };
        state.Invitations[invitation.Id] = invitation;

        Assert.Equal("secret", Assert.Single(PropertyCrewRules.Invitations(state, Guid.NewGuid(), Owner)).Token);
        Assert.Null(Assert.Single(PropertyCrewRules.Invitations(state, Guid.NewGuid(), Manager)).Token);
    }
}
