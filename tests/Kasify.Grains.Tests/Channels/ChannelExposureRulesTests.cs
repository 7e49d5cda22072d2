using Kasify.Grains.Channels;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Grains.Tests.Channels;

public sealed class ChannelExposureRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(12);

    [Theory]
    [InlineData("Airbnb/1.0 (+https://www.airbnb.com)", ChannelCalendarChannel.Airbnb)]
    [InlineData("Booking.com Calendar Sync", ChannelCalendarChannel.Booking)]
    [InlineData("HomeAway iCal importer", ChannelCalendarChannel.Vrbo)]
    [InlineData("curl/8.5.0", ChannelCalendarChannel.Other)]
    [InlineData(null, ChannelCalendarChannel.Other)]
    public void AFetcherIsRecognisedByItsUserAgent(string? userAgent, ChannelCalendarChannel expected) =>
        Assert.Equal(expected, ChannelExposureRules.Recognize(userAgent));

    [Fact]
    public void AChannelSilentLongerThanTheThresholdIsReportedOncePerSilence()
    {
        var fetches = new Dictionary<ChannelCalendarChannel, ExportFetch>
        {
            [ChannelCalendarChannel.Airbnb] = new(Now - TimeSpan.FromHours(13), "Airbnb", []),
            [ChannelCalendarChannel.Booking] = new(Now - TimeSpan.FromHours(2), "Booking.com", []),
        };
        var reported = new Dictionary<ChannelCalendarChannel, DateTimeOffset>();

        var silent = ChannelExposureRules.NewlySilent(fetches, reported, Now, StaleAfter);
        Assert.Equal([(ChannelCalendarChannel.Airbnb, Now - TimeSpan.FromHours(13))], silent);

        reported[ChannelCalendarChannel.Airbnb] = Now - TimeSpan.FromHours(13);
        Assert.Empty(ChannelExposureRules.NewlySilent(fetches, reported, Now + TimeSpan.FromHours(5), StaleAfter));

        // A new fetch ends that silence; a new silence after it is reported again.
        fetches[ChannelCalendarChannel.Airbnb] = new(Now, "Airbnb", []);
        Assert.Equal(
            [(ChannelCalendarChannel.Airbnb, Now), (ChannelCalendarChannel.Booking, Now - TimeSpan.FromHours(2))],
            ChannelExposureRules.NewlySilent(fetches, reported, Now + TimeSpan.FromHours(13), StaleAfter));
    }

    [Fact]
    public void UnseenNightsAreThoseNotInTheLastFetchLeavingOutTheChannelsOwnBookings()
    {
        var seenStay = new HeldDates(Guid.NewGuid(), new DateOnly(2027, 3, 10), new DateOnly(2027, 3, 12));
        var moved = new HeldDates(Guid.NewGuid(), new DateOnly(2027, 3, 20), new DateOnly(2027, 3, 23));
        var own = new HeldDates(Guid.NewGuid(), new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 3), Channel: BookingChannel.Airbnb);
        var lastFetch = new ExportFetch(Now, "Airbnb",
        [
            new ExportedStay(seenStay.BookingId, seenStay.From, seenStay.To, false),
            new ExportedStay(moved.BookingId, new DateOnly(2027, 3, 19), moved.To, false),
        ]);

        Assert.Equal([moved], ChannelExposureRules.Unseen([seenStay, moved, own], ChannelCalendarChannel.Airbnb, lastFetch));
        Assert.Equal([seenStay, moved, own], ChannelExposureRules.Unseen([seenStay, moved, own], ChannelCalendarChannel.Booking, null));
    }
}
