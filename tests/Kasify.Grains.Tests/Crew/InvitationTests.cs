using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.Crew;

public sealed class InvitationTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    internal static CreateInvitation Invite(
        AccessLevel level = AccessLevel.Staff, CrewService? service = CrewService.Cleaning, string? email = null, int? maxUses = null,
        DateTimeOffset? expiresAt = null, string locale = "en") => new(level, service, email, maxUses, expiresAt, locale);

    private async Task<(UserDto Owner, Guid PropertyId)> NewPropertyAsync()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        await _grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details());
        return (owner, propertyId);
    }

    private async Task<AcceptedInvitation> AcceptAsync(Guid userId, string? token, string? verifiedEmail = null)
    {
        Assert.NotNull(token);
        var target = await _grains.GetGrain<IInvitationIndexGrain>(InvitationKeys.For(token)).ResolveAsync();
        Assert.NotNull(target);
        return await _grains.GetGrain<IPropertyCrewGrain>(target.PropertyId).AcceptInvitationAsync(userId, target.InvitationId, verifiedEmail);
    }

    [Fact]
    public async Task AnInvitationIsUsableOnceForSevenDaysWithAUrlSafeTokenTheIndexResolves()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var before = DateTimeOffset.UtcNow;

        var invitation = await _grains.GetGrain<IPropertyCrewGrain>(propertyId).CreateInvitationAsync(owner.Id, Invite());

        Assert.Equal(1, invitation.MaxUses);
        Assert.Equal(0, invitation.Uses);
        Assert.Null(invitation.AcceptedAt);
        Assert.InRange(invitation.ExpiresAt, before.AddDays(7), DateTimeOffset.UtcNow.AddDays(7));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", invitation.Token);
        Assert.Equal(
            new InvitationTarget(propertyId, invitation.Id),
            await _grains.GetGrain<IInvitationIndexGrain>(InvitationKeys.For(invitation.Token!)).ResolveAsync());
        var listed = Assert.Single(await _grains.GetGrain<IPropertyCrewGrain>(propertyId).ListInvitationsAsync(owner.Id));
        Assert.Equal((invitation.CreatedAt.UtcTicks, invitation.ExpiresAt.UtcTicks), (listed.CreatedAt.UtcTicks, listed.ExpiresAt.UtcTicks));
        Assert.Equal(invitation, listed);
    }

    [Fact]
    public async Task AcceptingMakesTheCallerAMemberOnBothSidesAndCountsOneUse()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var crew = _grains.GetGrain<IPropertyCrewGrain>(propertyId);
        var invitation = await crew.CreateInvitationAsync(owner.Id, Invite(AccessLevel.Contractor, CrewService.Pool));
        var cleaner = await _grains.RegisterNewUserAsync();

        var accepted = await AcceptAsync(cleaner.Id, invitation.Token);

        Assert.Equal(new AcceptedInvitation(propertyId, "Casa Azul"), accepted);
        Assert.Contains(new PropertyMembership(propertyId, AccessLevel.Contractor), await _grains.GetGrain<IUserGrain>(cleaner.Id).GetMembershipsAsync());
        Assert.Equal(AccessLevel.Contractor, (await _grains.GetGrain<IPropertyGrain>(propertyId).GetAsync(cleaner.Id))!.Role);
        var members = await crew.ListCrewAsync(owner.Id);
        Assert.Equal([owner.Id, cleaner.Id], members.Select(member => member.UserId));
        var member = members[1];
        Assert.Equal((AccessLevel.Contractor, CrewService.Pool, "Ana García", cleaner.Email), (member.AccessLevel, member.Service, member.Name, member.Email));
        Assert.NotNull(member.JoinedAt);
        var stored = Assert.Single(await crew.ListInvitationsAsync(owner.Id));
        Assert.Equal(1, stored.Uses);
        Assert.Equal(member.JoinedAt, stored.AcceptedAt);
    }

    [Fact]
    public async Task AcceptingAgainAsAMemberAnswersTheSameWithoutUsingTheInvitation()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var crew = _grains.GetGrain<IPropertyCrewGrain>(propertyId);
        var invitation = await crew.CreateInvitationAsync(owner.Id, Invite(maxUses: 2));
        var cleaner = await _grains.RegisterNewUserAsync();

        var first = await AcceptAsync(cleaner.Id, invitation.Token);
        var second = await AcceptAsync(cleaner.Id, invitation.Token);

        Assert.Equal(first, second);
        Assert.Equal(1, Assert.Single(await crew.ListInvitationsAsync(owner.Id)).Uses);
    }

    [Fact]
    public async Task AUsedUpInvitationIsGoneForTheNextPerson()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var invitation = await _grains.GetGrain<IPropertyCrewGrain>(propertyId).CreateInvitationAsync(owner.Id, Invite());
        await AcceptAsync((await _grains.RegisterNewUserAsync()).Id, invitation.Token);

        var late = await _grains.RegisterNewUserAsync();
        var gone = await Assert.ThrowsAsync<InvitationGoneException>(() => AcceptAsync(late.Id, invitation.Token));

        Assert.Equal("invitation.used_up", gone.Code);
        Assert.Null(await _grains.GetGrain<IPropertyGrain>(propertyId).GetAsync(late.Id));
    }

    [Fact]
    public async Task AnInvitationPastItsExpiryIsGone()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var invitation = await _grains.GetGrain<IPropertyCrewGrain>(propertyId)
            .CreateInvitationAsync(owner.Id, Invite(expiresAt: DateTimeOffset.UtcNow.AddSeconds(1.5)));

        await Task.Delay(TimeSpan.FromSeconds(2));
        var gone = await Assert.ThrowsAsync<InvitationGoneException>(
            async () => await AcceptAsync((await _grains.RegisterNewUserAsync()).Id, invitation.Token));

        Assert.Equal("invitation.expired", gone.Code);
    }

    [Fact]
    public async Task ARevokedInvitationIsGoneAndNoLongerListed()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var crew = _grains.GetGrain<IPropertyCrewGrain>(propertyId);
        var invitation = await crew.CreateInvitationAsync(owner.Id, Invite());

        await crew.RevokeInvitationAsync(owner.Id, invitation.Id);
        await crew.RevokeInvitationAsync(owner.Id, invitation.Id);
        var gone = await Assert.ThrowsAsync<InvitationGoneException>(
            async () => await AcceptAsync((await _grains.RegisterNewUserAsync()).Id, invitation.Token));

        Assert.Equal("invitation.revoked", gone.Code);
        Assert.Empty(await crew.ListInvitationsAsync(owner.Id));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => crew.RevokeInvitationAsync(owner.Id, Guid.NewGuid()));
        Assert.Equal("invitation.not_found", missing.Code);
    }

    [Fact]
    public async Task AnEmailBoundInvitationOnlyAcceptsThatVerifiedEmailInAnyCase()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var email = $"cleaner-{Guid.NewGuid():N}@example.org";
        var invitation = await _grains.GetGrain<IPropertyCrewGrain>(propertyId).CreateInvitationAsync(owner.Id, Invite(email: email));
        var other = await _grains.RegisterNewUserAsync();
        var invitee = await _grains.RegisterNewUserAsync();

        var mismatch = await Assert.ThrowsAsync<ForbiddenException>(() => AcceptAsync(other.Id, invitation.Token, "someone@example.org"));
        var accepted = await AcceptAsync(invitee.Id, invitation.Token, email.ToUpperInvariant());

        Assert.Equal("invitation.email_mismatch", mismatch.Code);
        Assert.Equal(propertyId, accepted.PropertyId);
    }

    [Fact]
    public async Task TheProfileEmailDoesNotStandInForAVerifiedOne()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var email = $"cleaner-{Guid.NewGuid():N}@example.org";
        var invitation = await _grains.GetGrain<IPropertyCrewGrain>(propertyId).CreateInvitationAsync(owner.Id, Invite(email: email));
        var claimsTheAddress = await _grains.RegisterNewUserAsync(email);

        var mismatch = await Assert.ThrowsAsync<ForbiddenException>(() => AcceptAsync(claimsTheAddress.Id, invitation.Token, verifiedEmail: null));

        Assert.Equal("invitation.email_mismatch", mismatch.Code);
    }

    [Fact]
    public async Task ManagersSeeNoCodeOfManagerInvitationsButTheOwnerDoes()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var manager = await _grains.RegisterNewUserAsync();
        await _grains.JoinAsync(propertyId, owner, manager, AccessLevel.Manager);
        var crew = _grains.GetGrain<IPropertyCrewGrain>(propertyId);
        var forManager = await crew.CreateInvitationAsync(owner.Id, Invite(AccessLevel.Manager, service: null));
        var forStaff = await crew.CreateInvitationAsync(manager.Id, Invite());

        var seenByManager = (await crew.ListInvitationsAsync(manager.Id)).ToDictionary(invitation => invitation.Id);
        var seenByOwner = (await crew.ListInvitationsAsync(owner.Id)).ToDictionary(invitation => invitation.Id);

        Assert.Null(seenByManager[forManager.Id].Token);
        Assert.Equal(forStaff.Token, seenByManager[forStaff.Id].Token);
        Assert.Equal(forManager.Token, seenByOwner[forManager.Id].Token);
    }

    [Fact]
    public async Task TheOwnerCannotAcceptAnInvitationToTheirOwnProperty()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var invitation = await _grains.GetGrain<IPropertyCrewGrain>(propertyId).CreateInvitationAsync(owner.Id, Invite());

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => AcceptAsync(owner.Id, invitation.Token));

        Assert.Equal("invitation.owner", conflict.Code);
    }

    [Fact]
    public async Task TwentyConcurrentAcceptsOfAThreeUseInvitationMakeExactlyThreeMembers()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var crew = _grains.GetGrain<IPropertyCrewGrain>(propertyId);
        var invitation = await crew.CreateInvitationAsync(owner.Id, Invite(maxUses: 3));
        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _grains.RegisterNewUserAsync()));

        var outcomes = await Task.WhenAll(users.Select(async user =>
        {
            try
            {
                await AcceptAsync(user.Id, invitation.Token);
                return "accepted";
            }
            catch (InvitationGoneException gone)
            {
                return gone.Code;
            }
        }));

        Assert.Equal(3, outcomes.Count(outcome => outcome == "accepted"));
        Assert.Equal(17, outcomes.Count(outcome => outcome == "invitation.used_up"));
        Assert.Equal(3, Assert.Single(await crew.ListInvitationsAsync(owner.Id)).Uses);
        Assert.Equal(4, (await crew.ListCrewAsync(owner.Id)).Length);
    }

    [Fact]
    public async Task OnlyOwnersAndManagersInviteAndOnlyTheOwnerInvitesManagers()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var manager = await _grains.RegisterNewUserAsync();
        var staff = await _grains.RegisterNewUserAsync();
        var stranger = await _grains.RegisterNewUserAsync();
        var propertyId = await fixture.CreatePropertyWithCrewAsync(owner, (manager, AccessLevel.Manager), (staff, AccessLevel.Staff));
        var crew = _grains.GetGrain<IPropertyCrewGrain>(propertyId);

        var managerInvite = await Assert.ThrowsAsync<ForbiddenException>(() => crew.CreateInvitationAsync(manager.Id, Invite(AccessLevel.Manager, null)));
        var staffInvite = await Assert.ThrowsAsync<ForbiddenException>(() => crew.CreateInvitationAsync(staff.Id, Invite()));
        var strangerInvite = await Assert.ThrowsAsync<NotFoundException>(() => crew.CreateInvitationAsync(stranger.Id, Invite()));
        var ownerInvite = await Assert.ThrowsAsync<RequestValidationException>(() => crew.CreateInvitationAsync(owner.Id, Invite(AccessLevel.Owner, null)));
        var byManager = await crew.CreateInvitationAsync(manager.Id, Invite(AccessLevel.Contractor, CrewService.Gardening));
        var byOwner = await crew.CreateInvitationAsync(owner.Id, Invite(AccessLevel.Manager, null));

        Assert.Equal(("invitation.forbidden", "invitation.forbidden", "property.not_found"), (managerInvite.Code, staffInvite.Code, strangerInvite.Code));
        Assert.Contains("accessLevel", ownerInvite.Errors.Keys);
        Assert.Equal((AccessLevel.Contractor, AccessLevel.Manager), (byManager.AccessLevel, byOwner.AccessLevel));
    }

    [Fact]
    public async Task InvalidInvitationsReportEveryFieldByItsWireName()
    {
        var (owner, propertyId) = await NewPropertyAsync();

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => _grains.GetGrain<IPropertyCrewGrain>(propertyId).CreateInvitationAsync(
            owner.Id, new CreateInvitation(AccessLevel.Manager, CrewService.Cleaning, "not an email", 0, DateTimeOffset.UtcNow.AddMinutes(-1), "fr")));

        Assert.Equal(["email", "expiresAt", "locale", "maxUses", "service"], invalid.Errors.Keys.Order());
    }

    [Fact]
    public async Task MembersAreChangedAndRemovedByRoleButTheOwnerStays()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var manager = await _grains.RegisterNewUserAsync();
        var staff = await _grains.RegisterNewUserAsync();
        var propertyId = await fixture.CreatePropertyWithCrewAsync(owner, (manager, AccessLevel.Manager), (staff, AccessLevel.Staff));
        var crew = _grains.GetGrain<IPropertyCrewGrain>(propertyId);

        var promote = await Assert.ThrowsAsync<ForbiddenException>(() => crew.UpdateMemberAsync(manager.Id, staff.Id, new(AccessLevel.Manager, default)));
        var changeOwner = await Assert.ThrowsAsync<ConflictException>(() => crew.UpdateMemberAsync(manager.Id, owner.Id, new(AccessLevel.Staff, default)));
        var removeOwner = await Assert.ThrowsAsync<ConflictException>(() => crew.RemoveMemberAsync(owner.Id, owner.Id));
        var serviced = await crew.UpdateMemberAsync(manager.Id, staff.Id, new(AccessLevel.Contractor, Patch(CrewService.Maintenance)));
        var promoted = await crew.UpdateMemberAsync(owner.Id, staff.Id, new(AccessLevel.Manager, default));

        Assert.Equal(("crew.forbidden", "crew.owner", "crew.owner"), (promote.Code, changeOwner.Code, removeOwner.Code));
        Assert.Equal((AccessLevel.Contractor, (CrewService?)CrewService.Maintenance), (serviced.AccessLevel, serviced.Service));
        Assert.Equal((AccessLevel.Manager, (CrewService?)null), (promoted.AccessLevel, promoted.Service));
        Assert.Contains(new PropertyMembership(propertyId, AccessLevel.Manager), await _grains.GetGrain<IUserGrain>(staff.Id).GetMembershipsAsync());

        var removeManager = await Assert.ThrowsAsync<ForbiddenException>(() => crew.RemoveMemberAsync(manager.Id, staff.Id));
        await crew.RemoveMemberAsync(owner.Id, staff.Id);

        Assert.Equal("crew.forbidden", removeManager.Code);
        Assert.DoesNotContain(await _grains.GetGrain<IUserGrain>(staff.Id).GetMembershipsAsync(), membership => membership.PropertyId == propertyId);
        Assert.Null(await _grains.GetGrain<IPropertyGrain>(propertyId).GetAsync(staff.Id));
        Assert.Equal([owner.Id, manager.Id], (await crew.ListCrewAsync(owner.Id)).Select(member => member.UserId));
    }

    [Fact]
    public async Task ChangingOnlyTheLevelKeepsTheServiceAsItWas()
    {
        var (owner, propertyId) = await NewPropertyAsync();
        var plain = await _grains.RegisterNewUserAsync();
        var cleaner = await _grains.RegisterNewUserAsync();
        await _grains.JoinAsync(propertyId, owner, plain, AccessLevel.Staff);
        await _grains.JoinAsync(propertyId, owner, cleaner, AccessLevel.Staff, CrewService.Cleaning);
        var crew = _grains.GetGrain<IPropertyCrewGrain>(propertyId);

        var withoutService = await crew.UpdateMemberAsync(owner.Id, plain.Id, new(AccessLevel.Contractor, default));
        var withService = await crew.UpdateMemberAsync(owner.Id, cleaner.Id, new(AccessLevel.Contractor, default));

        Assert.Equal((AccessLevel.Contractor, (CrewService?)null), (withoutService.AccessLevel, withoutService.Service));
        Assert.Equal((AccessLevel.Contractor, (CrewService?)CrewService.Cleaning), (withService.AccessLevel, withService.Service));
    }

    [Fact]
    public async Task ARemovedMemberCanRejoinWithANewInvitationAndAPersonHoldsDifferentRolesOnDifferentProperties()
    {
        var (owner, first) = await NewPropertyAsync();
        var second = Guid.NewGuid();
        await _grains.GetGrain<IPropertyGrain>(second).CreateAsync(owner.Id, PropertyGrainTests.Details("Casa Verde"));
        var person = await _grains.RegisterNewUserAsync();

        await _grains.JoinAsync(first, owner, person, AccessLevel.Staff, CrewService.Cleaning);
        await _grains.JoinAsync(second, owner, person, AccessLevel.Manager);
        await _grains.GetGrain<IPropertyCrewGrain>(first).RemoveMemberAsync(person.Id, person.Id);
        await _grains.JoinAsync(first, owner, person, AccessLevel.Contractor);

        var memberships = await _grains.GetGrain<IUserGrain>(person.Id).GetMembershipsAsync();
        Assert.Contains(new PropertyMembership(first, AccessLevel.Contractor), memberships);
        Assert.Contains(new PropertyMembership(second, AccessLevel.Manager), memberships);
        Assert.Null(Assert.Single(await _grains.GetGrain<IPropertyCrewGrain>(first).ListCrewAsync(owner.Id), member => member.UserId == person.Id).Service);
    }

    private static Patch<CrewService?> Patch(CrewService? service) => Patch<CrewService?>.Set(service);
}
