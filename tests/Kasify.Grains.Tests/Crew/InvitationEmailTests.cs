using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using MimeKit;

namespace Kasify.Grains.Tests.Crew;

/// <summary>Invitation emails through a real SMTP conversation with an in-process server (netDumbster).</summary>
public sealed class InvitationEmailTests(SmtpClusterFixture fixture) : IClassFixture<SmtpClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Theory]
    [InlineData("en", "You are invited to join Casa Azul on Kasify", "Your invitation code: ")]
    [InlineData("es", "Te han invitado a unirte a Casa Azul en Kasify", "Tu código de invitación: ")]
    public async Task AnInvitationWithAnEmailIsSentTheCodeAndAcceptLinkInItsLocale(string locale, string subject, string codeLine)
    {
        var owner = await _grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        await _grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details());
        var email = $"invitee-{Guid.NewGuid():N}@example.org";

        var invitation = await _grains.GetGrain<IPropertyCrewGrain>(propertyId)
            .CreateInvitationAsync(owner.Id, InvitationTests.Invite(email: email, locale: locale));

        var message = await fixture.ReceivedForAsync(email);
        Assert.Equal(subject, message.Subject);
        Assert.Contains(codeLine + invitation.Token, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{SmtpClusterFixture.AcceptUrlBase}/invitations/{invitation.Token}/accept", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvitationWithoutAnEmailSendsNothing()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        await _grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details());
        var before = fixture.Server.ReceivedEmailCount;

        await _grains.GetGrain<IPropertyCrewGrain>(propertyId).CreateInvitationAsync(owner.Id, InvitationTests.Invite());

        Assert.Equal(before, fixture.Server.ReceivedEmailCount);
    }

    internal static MimeMessage Parse(string raw)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw));
        return MimeMessage.Load(stream);
    }
}
