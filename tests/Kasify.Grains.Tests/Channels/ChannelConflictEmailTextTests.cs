using Kasify.Grains.Channels;
using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Grains.Tests.Channels;

public sealed class ChannelConflictEmailTextTests
{
    private static readonly InvitationEmailOptions Options = new() { From = "Kasify <team@kasify.test>", AcceptUrlBase = "https://app.kasify.test/" };

    private static readonly ChannelConflictMail Mail = new(
        ChannelConflictMails.IdFor(Guid.Parse("0b7e1f3a-9c1d-4e2a-8f00-000000000001"), "airbnb", "uid-1@airbnb.com", new DateOnly(2027, 3, 10), new DateOnly(2027, 3, 14)),
        Guid.Parse("0b7e1f3a-9c1d-4e2a-8f00-000000000001"),
        "Casa Azul",
        Guid.Parse("0b7e1f3a-9c1d-4e2a-8f00-000000000002"),
        "airbnb",
        ChannelCalendarChannel.Airbnb,
        new DateOnly(2027, 3, 10),
        new DateOnly(2027, 3, 14),
        Closure: false,
        Guid.Parse("0b7e1f3a-9c1d-4e2a-8f00-000000000003"),
        new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TheEnglishEmailNamesThePropertyTheCalendarTheNightsAndTheHoldingBooking()
    {
        var message = ChannelConflictEmailText.Compose(Mail, "owner@example.org", "en", Options);

        Assert.Equal("Calendar conflict at Casa Azul: Airbnb stay 2027-03-10 to 2027-03-14 not imported", message.Subject);
        Assert.Contains("Kasify could not import a stay from the calendar \"airbnb\" (Airbnb) of Casa Azul:", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nights: 2027-03-10 to 2027-03-14 (4 nights, departure on 2027-03-14)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Held by: another booking in Kasify (0b7e1f3a-9c1d-4e2a-8f00-000000000003)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://app.kasify.test/properties/0b7e1f3a-9c1d-4e2a-8f00-000000000001/calendars", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("owner@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("team@kasify.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal($"{Mail.MailId:N}@kasify", message.MessageId);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("es-ES")]
    public void TheSpanishEmailSaysTheSameForAClosure(string locale)
    {
        var message = ChannelConflictEmailText.Compose(Mail with { Closure = true, Channel = ChannelCalendarChannel.Vrbo, CalendarId = "cal-1" }, "owner@example.org", locale, Options);

        Assert.Equal("Conflicto de calendario en Casa Azul: cierre de VRBO del 2027-03-10 al 2027-03-14 sin importar", message.Subject);
        Assert.Contains("Kasify no ha podido importar un cierre del calendario \"cal-1\" (VRBO) de Casa Azul:", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Noches: del 2027-03-10 al 2027-03-14 (4 noches, salida el 2027-03-14)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ocupadas por: otra reserva en Kasify (0b7e1f3a-9c1d-4e2a-8f00-000000000003)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kasify importará el cierre por sí solo", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyOtherLocaleReadsInEnglishAndAnOtherChannelIsNamedAsSuch()
    {
        var message = ChannelConflictEmailText.Compose(Mail with { Channel = ChannelCalendarChannel.Other, CalendarId = "cal-2" }, "owner@example.org", "fr", Options);

        Assert.StartsWith("Calendar conflict at Casa Azul: other channel stay", message.Subject, StringComparison.Ordinal);
        Assert.Contains("from the calendar \"cal-2\" (other channel)", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMailIdIsTheSameForTheSameConflictAndDiffersWithItsDates()
    {
        var propertyId = Guid.Parse("0b7e1f3a-9c1d-4e2a-8f00-000000000001");
        var first = ChannelConflictMails.IdFor(propertyId, "airbnb", "uid-1", new DateOnly(2027, 3, 10), new DateOnly(2027, 3, 14));

        Assert.Equal(first, ChannelConflictMails.IdFor(propertyId, "airbnb", "uid-1", new DateOnly(2027, 3, 10), new DateOnly(2027, 3, 14)));
        Assert.NotEqual(first, ChannelConflictMails.IdFor(propertyId, "airbnb", "uid-1", new DateOnly(2027, 3, 11), new DateOnly(2027, 3, 14)));
        Assert.NotEqual(first, ChannelConflictMails.IdFor(propertyId, "booking", "uid-1", new DateOnly(2027, 3, 10), new DateOnly(2027, 3, 14)));
    }
}
