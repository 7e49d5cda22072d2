using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.Storage;

namespace Kasify.Grains.Tests.Channels;

/// <summary>
/// The activity entry for a channel that stopped fetching a property's export calendar, end to end: fetches recorded by
/// the grain method the public export URL calls, the silence reminder on the silo's real reminder service, and the
/// property's activity feed.
/// </summary>
public sealed class ChannelExportSilenceTests(ExportSilenceClusterFixture fixture) : IClassFixture<ExportSilenceClusterFixture>
{
    private const string AirbnbAgent = "Airbnb (calendar sync)";
    private const string BookingAgent = "Booking.com iCal fetcher";
    private const string VrboAgent = "Vrbo calendar import";

    // Generous: a silence takes the threshold plus a tick or two, far less on an idle machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly IGrainFactory _grains = fixture.Grains;

    private async Task<(Guid PropertyId, IPropertyChannelsGrain Channels, string Token)> PropertyWithExportAsync()
    {
        var owner = await _grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        await _grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details());
        var channels = _grains.GetGrain<IPropertyChannelsGrain>(propertyId);
        var token = (await channels.GetExposureAsync(owner.Id)).ExportToken;
        return (propertyId, channels, token);
    }

    private static async Task FetchAsync(IPropertyChannelsGrain channels, string token, string userAgent) =>
        Assert.NotNull(await channels.ExportAsync(token, userAgent));

    private async Task<List<ActivityEntry>> SilenceEntriesAsync(Guid propertyId) =>
        [.. (await _grains.GetGrain<IActivityFeedGrain>(propertyId).GetLatestAsync(null, IActivityFeedGrain.Capacity))
            .Where(entry => entry.Kind == ActivityKind.ChannelExportStale)];

    private static bool Names(ActivityEntry entry, ChannelCalendarChannel channel) =>
        entry.Summary.StartsWith($"{channel} has not fetched", StringComparison.Ordinal);

    [Fact]
    public async Task AChannelThatStopsFetchingIsReportedOncePerSilence()
    {
        var (propertyId, channels, token) = await PropertyWithExportAsync();

        await FetchAsync(channels, token, AirbnbAgent);
        var first = await Eventually.UntilAsync(
            () => SilenceEntriesAsync(propertyId), entries => entries.Count > 0, Patience, "the first silence entry");
        var firstAirbnb = Assert.Single(first);
        Assert.True(Names(firstAirbnb, ChannelCalendarChannel.Airbnb), firstAirbnb.Summary);

        // Vrbo's own silence can only be reported by checks that run after Airbnb's was: once it is, those checks have
        // seen Airbnb still silent and must not have reported that silence again.
        await FetchAsync(channels, token, VrboAgent);
        var later = await Eventually.UntilAsync(
            () => SilenceEntriesAsync(propertyId),
            entries => entries.Any(entry => Names(entry, ChannelCalendarChannel.Vrbo)),
            Patience,
            "Vrbo's silence entry");
        Assert.Equal(firstAirbnb.Id, Assert.Single(later, entry => Names(entry, ChannelCalendarChannel.Airbnb)).Id);

        // A new fetch ends the silence; the next one is reported again.
        await FetchAsync(channels, token, AirbnbAgent);
        var afterNewFetch = await Eventually.UntilAsync(
            () => SilenceEntriesAsync(propertyId),
            entries => entries.Count(entry => Names(entry, ChannelCalendarChannel.Airbnb)) > 1,
            Patience,
            "Airbnb's second silence entry");
        var airbnb = afterNewFetch.Where(entry => Names(entry, ChannelCalendarChannel.Airbnb)).ToList();
        Assert.Equal(2, airbnb.Count);
        Assert.Contains(airbnb, entry => entry.Id == firstAirbnb.Id);
        Assert.Single(afterNewFetch, entry => Names(entry, ChannelCalendarChannel.Vrbo));
    }

    [Fact]
    public async Task AChannelThatKeepsFetchingIsNotReportedWhileAnotherChannelsSilenceIs()
    {
        var (propertyId, channels, token) = await PropertyWithExportAsync();

        // Airbnb fetches once; Booking.com every few tens of milliseconds, far more often than both the threshold and the
        // check period, so its fetches must neither be reported nor keep the check from reporting Airbnb.
        await FetchAsync(channels, token, AirbnbAgent);
        var entries = await Eventually.UntilAsync(
            async () =>
            {
                for (var i = 0; i < 4; i++)
                {
                    await FetchAsync(channels, token, BookingAgent);
                    await Task.Delay(40);
                }

                return await SilenceEntriesAsync(propertyId);
            },
            found => found.Count > 0,
            Patience,
            "Airbnb's silence entry while Booking.com keeps fetching");

        Assert.True(Names(Assert.Single(entries), ChannelCalendarChannel.Airbnb), entries[0].Summary);
        Assert.DoesNotContain(entries, entry => Names(entry, ChannelCalendarChannel.Booking));
    }
}
