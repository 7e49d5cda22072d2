using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Testing;

namespace Kasify.Grains.Tests.Crew;

public sealed class UnreachableSmtpTests
{
    [Fact]
    public async Task AnEmailThatCannotBeSentNeverLosesTheInvitation()
    {
        using var folder = new TestFolder();
        var options = KasifyTestSilos.SqliteOptions(folder.Path);

        // Nobody listens on this port: the SMTP connection is refused.
        options.Email = new InvitationEmailOptions { Host = "127.0.0.1", Port = FreePort.Next(1)[0], Timeout = TimeSpan.FromSeconds(3) };
        var cluster = KasifyTestSilos.CreateInProcessClusterBuilder(options).Build();
        await cluster.DeployAsync();
        try
        {
            var grains = cluster.Client;
            var owner = await grains.RegisterNewUserAsync();
            var propertyId = Guid.NewGuid();
            await grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details());
            var email = $"invitee-{Guid.NewGuid():N}@example.org";
            var invitee = await grains.RegisterNewUserAsync(email);

            var invitation = await grains.GetGrain<IPropertyCrewGrain>(propertyId).CreateInvitationAsync(owner.Id, InvitationTests.Invite(email: email));

            Assert.Equal(invitation, Assert.Single(await grains.GetGrain<IPropertyCrewGrain>(propertyId).ListInvitationsAsync(owner.Id)));
            var target = await grains.GetGrain<IInvitationIndexGrain>(InvitationKeys.For(invitation.Token!)).ResolveAsync();
            var accepted = await grains.GetGrain<IPropertyCrewGrain>(propertyId).AcceptInvitationAsync(invitee.Id, target!.InvitationId, email);
            Assert.Equal(propertyId, accepted.PropertyId);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
