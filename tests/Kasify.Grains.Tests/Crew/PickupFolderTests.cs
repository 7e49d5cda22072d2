using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.Storage;
using MimeKit;

namespace Kasify.Grains.Tests.Crew;

/// <summary>The embedded default: without an SMTP host, invitation emails are written as .eml files to the pickup folder.</summary>
public sealed class PickupFolderTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task WithoutASmtpHostTheEmailLandsInThePickupFolder()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        await _grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details());
        var email = $"cleaner-{Guid.NewGuid():N}@example.org";

        var invitation = await _grains.GetGrain<IPropertyCrewGrain>(propertyId)
            .CreateInvitationAsync(owner.Id, InvitationTests.Invite(email: email, locale: "es"));

        // The email goes out after the answer, from the invitation's mail grain.
        var files = await Eventually.UntilAsync(
            () => Task.FromResult(Directory.Exists(fixture.Options.Email.PickupDirectory)
                ? Directory.GetFiles(fixture.Options.Email.PickupDirectory, $"*-{invitation.Id:N}.eml")
                : []),
            found => found.Length > 0,
            TimeSpan.FromSeconds(15),
            "the invitation's .eml file");
        var file = Assert.Single(files);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Contains("Tu código de invitación: " + invitation.Token, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:8080/invitations/{invitation.Token}/accept", message.TextBody, StringComparison.Ordinal);
    }
}
