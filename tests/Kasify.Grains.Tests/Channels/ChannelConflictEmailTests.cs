using Kasify.Fakes.Channels;
using Kasify.Grains.Tests.Crew;
using Kasify.Grains.Tests.Storage;
using MimeKit;
using static Kasify.Grains.Tests.Channels.ChannelConflictArrangement;

namespace Kasify.Grains.Tests.Channels;

/// <summary>
/// The owner's email about a channel event refused for taken nights, from a real import (fake channel server, real
/// feed client) over a real SMTP conversation (netDumbster).
/// </summary>
public sealed class ChannelConflictEmailTests(SmtpClusterFixture fixture) : IClassFixture<SmtpClusterFixture>, IAsyncLifetime
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly ChannelFakeServer _fake = new();

    public async Task InitializeAsync() => await _fake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task AConflictSendsTheOwnerOneEmailWithItsNightsAndNoGuestDataHoweverOftenTheFeedIsSynced()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.org";
        var conflict = await ArrangeAsync(_grains, _fake, email);

        var message = await fixture.ReceivedForAsync(email);
        var (from, to) = (Iso(Today().AddDays(41)), Iso(Today().AddDays(44)));

        // The owner registered in Spanish.
        Assert.Equal($"Conflicto de calendario en Casa Azul: estancia de Airbnb del {from} al {to} sin importar", message.Subject);
        Assert.Contains($"Noches: del {from} al {to} (3 noches, salida el {to})", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(conflict.DirectBookingId.ToString(), message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{SmtpClusterFixture.AcceptUrlBase}/properties/{conflict.PropertyId}/calendars", message.TextBody, StringComparison.Ordinal);
        foreach (var guestData in new[] { ReservationCode, PhoneLast4, "Ana", "García", "ana@example.org", "600 12 34 56" })
        {
            Assert.DoesNotContain(guestData, message.Subject + message.TextBody, StringComparison.Ordinal);
        }

        var calendar = conflict.Calendar(_grains);
        for (var sync = 0; sync < 5; sync++)
        {
            Assert.Single((await calendar.SyncNowAsync()).Conflicts);
        }

        // The event leaves the feed and comes back with the same nights: recorded again, it names the same mail.
        _fake.State.RemoveEvent(conflict.Feed, conflict.Refused.Uid!);
        Assert.Empty((await calendar.SyncNowAsync()).Conflicts);
        _fake.State.AddEvent(conflict.Feed, conflict.Refused);
        Assert.Single((await calendar.SyncNowAsync()).Conflicts);

        // A second conflict's email comes after anything the syncs above could have sent.
        var other = new ChannelFakeEvent { Uid = "stay-conflict-2", Start = Today().AddDays(42), End = Today().AddDays(45) };
        _fake.State.AddEvent(conflict.Feed, other);
        Assert.Equal(2, (await calendar.SyncNowAsync()).Conflicts.Length);
        await Eventually.UntilAsync(
            () => Task.FromResult(ToOwner(email)),
            messages => messages.Any(received => (received.Subject ?? "").Contains(Iso(other.Start), StringComparison.Ordinal)),
            Patience,
            "the second conflict's email");

        Assert.Equal(2, ToOwner(email).Count);
        Assert.Single(ToOwner(email), received => (received.Subject ?? "").Contains($"del {from} al {to}", StringComparison.Ordinal));
    }

    private List<MimeMessage> ToOwner(string email) =>
    [
        .. fixture.Server.ReceivedEmail
            .Select(received => InvitationEmailTests.Parse(received.Data))
            .Where(received => received.To.Mailboxes.Any(mailbox => mailbox.Address == email)),
    ];
}
