using Kasify.Fakes.Channels;
using Kasify.Grains.Channels;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Tests.Channels.Http;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.Storage;
using FakeKind = Kasify.Fakes.Channels.ChannelEventKind;

namespace Kasify.Grains.Tests.Channels;

/// <summary>
/// Channel calendar sync end to end: a property's airbnb_ical_url pointing at the fake channel server, the real feed
/// client, reader and reconciler, and bookings, blocks and cleaning tasks made through the booking calendar.
/// </summary>
public sealed class ChannelCalendarSyncTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly ChannelFakeServer _fake = new();

    public async Task InitializeAsync() => await _fake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")).DateTime);

    private static ChannelFakeEvent Stay(string uid, int inDays, int nights, string code) =>
        new() { Uid = uid, Start = Today().AddDays(inDays), End = Today().AddDays(inDays + nights), ReservationCode = code, PhoneLast4 = "4321" };

    private async Task<(Guid OwnerId, Guid PropertyId, string Feed)> PropertyWithFeedAsync(params ChannelFakeEvent[] events)
    {
        var feed = "airbnb-" + Guid.NewGuid().ToString("N");
        _fake.State.PutFeed(feed, ChannelFeedShape.Airbnb, events);
        var owner = await _grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        await _grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details() with { AirbnbIcalUrl = _fake.FeedUrl(feed).ToString() });
        return (owner.Id, propertyId, feed);
    }

    private IChannelCalendarGrain Airbnb(Guid propertyId) => _grains.GetGrain<IChannelCalendarGrain>(propertyId, PropertyChannelsGrain.AirbnbCalendarId);

    private static Guid BookingOf(Guid propertyId, string uid) => ChannelCalendarRules.BookingIdFor(propertyId, PropertyChannelsGrain.AirbnbCalendarId, uid);

    private Task<BookingDto?> BookingAsync(Guid ownerId, Guid propertyId, string uid) =>
        _grains.GetGrain<IBookingCalendarGrain>(propertyId).GetBookingAsync(ownerId, BookingOf(propertyId, uid));

    private async Task<List<CrewTaskDto>> CleaningTasksAsync(Guid ownerId, Guid propertyId)
    {
        var page = await _grains.GetGrain<IPropertyTasksGrain>(propertyId)
            .ListTasksAsync(ownerId, TaskQuery.All with { TaskType = CrewService.Cleaning }, new PageRequest(0, 100));
        return [.. page.Content.Select(view => view.Task)];
    }

    [Fact]
    public async Task StaysAndClosuresArriveByThemselvesWithCleaningForStaysOnly()
    {
        var closure = new ChannelFakeEvent { Uid = "closure-1", Start = Today().AddDays(20), End = Today().AddDays(22), Kind = FakeKind.Closure };
        var (ownerId, propertyId, _) = await PropertyWithFeedAsync(Stay("stay-1", 10, 3, "HMSTAY0001"), closure);

        // The first sync follows the property's access snapshot to the channel registry, and the feed's configuration.
        var stay = await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "stay-1"), booking => booking is not null, Patience, "the imported stay");
        var block = await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "closure-1"), booking => booking is not null, Patience, "the imported closure");

        Assert.Equal(BookingStatus.Confirmed, stay!.Details.Status);
        Assert.Equal(BookingChannel.Airbnb, stay.Details.Channel);
        Assert.Equal("HMSTAY0001", stay.Details.ChannelId);
        Assert.Equal((Today().AddDays(10), Today().AddDays(13)), (stay.Details.From, stay.Details.To));
        Assert.Contains("phone ending 4321", stay.Details.Notes, StringComparison.Ordinal);
        Assert.Equal(PropertyChannelsGrain.AirbnbCalendarId, stay.Source);
        Assert.NotNull(stay.LastSyncAt);
        Assert.Equal(BookingStatus.Blocked, block!.Details.Status);

        var cleaning = await Eventually.UntilAsync(() => CleaningTasksAsync(ownerId, propertyId), tasks => tasks.Count > 0, Patience, "the stay's cleaning task");
        Assert.Equal(stay.Id, Assert.Single(cleaning).BookingId);

        var status = Assert.Single(await _grains.GetGrain<IPropertyChannelsGrain>(propertyId).GetCalendarsAsync(ownerId));
        Assert.Equal(2, status.Events);
        Assert.Null(status.LastErrorCode);
    }

    [Fact]
    public async Task AMovedEventMovesItsBookingAndARemovedOneIsCancelledOnlyAfterTheSecondFetchWithoutIt()
    {
        var (ownerId, propertyId, feed) = await PropertyWithFeedAsync(Stay("stay-1", 10, 3, "HMSTAY0001"), Stay("stay-2", 30, 2, "HMSTAY0002"));
        await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "stay-2"), booking => booking is not null, Patience, "the imported stays");

        _fake.State.ReplaceEvent(feed, "stay-1", Stay("stay-1", 11, 4, "HMSTAY0001"));
        _fake.State.RemoveEvent(feed, "stay-2");
        await Airbnb(propertyId).SyncNowAsync();

        var moved = await BookingAsync(ownerId, propertyId, "stay-1");
        Assert.Equal((Today().AddDays(11), Today().AddDays(15)), (moved!.Details.From, moved.Details.To));
        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(ownerId, propertyId, "stay-2"))!.Details.Status);

        await Airbnb(propertyId).SyncNowAsync();

        Assert.Equal(BookingStatus.Cancelled, (await BookingAsync(ownerId, propertyId, "stay-2"))!.Details.Status);
    }

    [Theory]
    [InlineData(ChannelFeedMode.Empty, "feed.empty_body")]
    [InlineData(ChannelFeedMode.Error, "feed.http_error")]
    [InlineData(ChannelFeedMode.Html, "feed.not_calendar")]
    [InlineData(ChannelFeedMode.Truncated, "feed.truncated")]
    [InlineData(ChannelFeedMode.EmptyCalendar, null)]
    public async Task ABadOrEmptyAnswerNeverCancelsABooking(ChannelFeedMode mode, string? expectedCode)
    {
        var (ownerId, propertyId, feed) = await PropertyWithFeedAsync(Stay("stay-1", 10, 3, "HMSTAY0001"));
        await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "stay-1"), booking => booking is not null, Patience, "the imported stay");

        _fake.State.SetSwitches(feed, new ChannelFeedSwitches(mode));
        ChannelCalendarStatus status = null!;
        for (var i = 0; i < 3; i++)
        {
            status = await Airbnb(propertyId).SyncNowAsync();
        }

        Assert.Equal(expectedCode, status.LastErrorCode);
        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(ownerId, propertyId, "stay-1"))!.Details.Status);
    }

    [Fact]
    public async Task HundredPollsOfTheSameCalendarMakeNoSecondBookingOrTask()
    {
        var (ownerId, propertyId, feed) = await PropertyWithFeedAsync(Stay("stay-1", 10, 3, "HMSTAY0001"), Stay("stay-2", 20, 3, "HMSTAY0002"));
        await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "stay-2"), booking => booking is not null, Patience, "the imported stays");

        for (var i = 0; i < 100; i++)
        {
            // Every other poll ignores the conditional GET, so the calendar is read and reconciled again too.
            _fake.State.SetSwitches(feed, new ChannelFeedSwitches(IgnoreConditional: i % 2 == 0));
            await Airbnb(propertyId).SyncNowAsync();
        }

        await _grains.BookingsSettledAsync(propertyId);
        var held = await _grains.GetGrain<IBookingCalendarGrain>(propertyId).GetHeldDatesAsync();
        Assert.Equal(2, held.Length);
        Assert.Equal(2, (await CleaningTasksAsync(ownerId, propertyId)).Count);
        Assert.Contains(_fake.State.Requests(feed)!, request => request.Status == 304);
    }

    [Fact]
    public async Task AnEventOnNightsAlreadyTakenIsKeptAsAConflictAndTakenOnceTheyFree()
    {
        var (ownerId, propertyId, feed) = await PropertyWithFeedAsync(Stay("stay-1", 10, 3, "HMSTAY0001"));
        await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "stay-1"), booking => booking is not null, Patience, "the imported stay");
        var calendar = _grains.GetGrain<IBookingCalendarGrain>(propertyId);
        var direct = await calendar.CreateBookingAsync(ownerId, Bookings.BookingRulesTests.Stay(Iso(Today().AddDays(40)), Iso(Today().AddDays(43))));

        _fake.State.AddEvent(feed, Stay("stay-3", 41, 3, "HMSTAY0003"));
        var status = await Airbnb(propertyId).SyncNowAsync();

        var conflict = Assert.Single(status.Conflicts);
        Assert.Equal(("stay-3", direct.Id), (conflict.Uid, conflict.ConflictsWith));
        Assert.Null(await BookingAsync(ownerId, propertyId, "stay-3"));
        Assert.Equal(BookingStatus.Confirmed, (await calendar.GetBookingAsync(ownerId, direct.Id))!.Details.Status);

        await calendar.UpdateBookingAsync(ownerId, direct.Id, Bookings.Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled) });
        status = await Airbnb(propertyId).SyncNowAsync();

        Assert.Empty(status.Conflicts);
        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(ownerId, propertyId, "stay-3"))!.Details.Status);
    }

    [Fact]
    public async Task AnEchoOfABookingWeExportIsNotTakenAsANewBlockOrConflict()
    {
        var (ownerId, propertyId, feed) = await PropertyWithFeedAsync(Stay("stay-1", 10, 3, "HMSTAY0001"));
        await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "stay-1"), booking => booking is not null, Patience, "the imported stay");
        var calendar = _grains.GetGrain<IBookingCalendarGrain>(propertyId);
        await calendar.CreateBookingAsync(ownerId, Bookings.BookingRulesTests.Stay(Iso(Today().AddDays(40)), Iso(Today().AddDays(43))));

        // Airbnb shows the stay it imported from our export back as a closure on exactly its nights.
        _fake.State.AddEvent(feed, new ChannelFakeEvent { Uid = "echo-1", Start = Today().AddDays(40), End = Today().AddDays(43), Kind = FakeKind.Closure });
        var status = await Airbnb(propertyId).SyncNowAsync();

        Assert.Empty(status.Conflicts);
        Assert.Null(await BookingAsync(ownerId, propertyId, "echo-1"));
        Assert.Equal(2, (await calendar.GetHeldDatesAsync()).Length);
    }

    [Fact]
    public async Task AnAddedCalendarImportsItsEventsAndStopsWhenRemoved()
    {
        var (ownerId, propertyId, _) = await PropertyWithFeedAsync(Stay("stay-1", 10, 3, "HMSTAY0001"));
        var vrbo = "vrbo-" + Guid.NewGuid().ToString("N");
        _fake.State.PutFeed(vrbo, ChannelFeedShape.Vrbo, [Stay("vrbo-1", 50, 4, "VR-1001")]);
        var channels = _grains.GetGrain<IPropertyChannelsGrain>(propertyId);

        var added = await channels.AddCalendarAsync(ownerId, new NewChannelCalendar(_fake.FeedUrl(vrbo).ToString(), ChannelCalendarChannel.Vrbo, ChannelEventReading.Auto));
        var calendar = _grains.GetGrain<IBookingCalendarGrain>(propertyId);
        var held = await Eventually.UntilAsync(calendar.GetHeldDatesAsync, dates => dates.Any(d => d.From == Today().AddDays(50)), Patience, "the VRBO stay");
        Assert.Equal(Interfaces.Bookings.BookingChannel.Vrbo, held.Single(d => d.From == Today().AddDays(50)).Channel);
        await Assert.ThrowsAsync<Interfaces.Errors.ConflictException>(() =>
            channels.AddCalendarAsync(ownerId, new NewChannelCalendar(_fake.FeedUrl(vrbo).ToString(), ChannelCalendarChannel.Vrbo, ChannelEventReading.Auto)));

        await channels.RemoveCalendarAsync(ownerId, added.CalendarId);
        var requests = _fake.State.Requests(vrbo)!.Count;
        await _grains.GetGrain<IChannelCalendarGrain>(propertyId, added.CalendarId).SyncNowAsync();

        Assert.Equal(requests, _fake.State.Requests(vrbo)!.Count);
        Assert.DoesNotContain(await channels.GetCalendarsAsync(ownerId), status => status.CalendarId == added.CalendarId);
        Assert.Contains(await calendar.GetHeldDatesAsync(), d => d.From == Today().AddDays(50)); // its bookings stay
    }

    [Fact]
    public async Task OnePropertysExportImportedOnAnotherHoldsTheSameNights()
    {
        var (ownerId, propertyId, _) = await PropertyWithFeedAsync(
            Stay("stay-1", 10, 3, "HMSTAY0001"), new ChannelFakeEvent { Uid = "closure-1", Start = Today().AddDays(20), End = Today().AddDays(22), Kind = FakeKind.Closure });
        await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "closure-1"), booking => booking is not null, Patience, "the imported events");
        var channels = _grains.GetGrain<IPropertyChannelsGrain>(propertyId);
        var token = (await channels.GetExposureAsync(ownerId)).ExportToken;
        var export = await channels.ExportAsync(token, "Kasify test");
        await using var server = await LocalHttpServer.StartAsync();
        server.Body("/export.ics", "text/calendar", System.Text.Encoding.UTF8.GetBytes(export!.Text));

        var other = await _grains.RegisterNewUserAsync();
        var otherId = Guid.NewGuid();
        await _grains.GetGrain<IPropertyGrain>(otherId).CreateAsync(other.Id, PropertyGrainTests.Details());
        await _grains.GetGrain<IPropertyChannelsGrain>(otherId).AddCalendarAsync(
            other.Id, new NewChannelCalendar(server.Url("/export.ics").ToString(), ChannelCalendarChannel.Other, ChannelEventReading.Auto));

        var mirrored = await Eventually.UntilAsync(
            _grains.GetGrain<IBookingCalendarGrain>(otherId).GetHeldDatesAsync, dates => dates.Length == 2, Patience, "the other property's nights");
        var original = await _grains.GetGrain<IBookingCalendarGrain>(propertyId).GetHeldDatesAsync();
        Assert.Equal(original.Select(d => (d.From, d.To, d.Blocked)).Order(), mirrored.Select(d => (d.From, d.To, d.Blocked)).Order());
    }

    [Fact]
    public async Task WhatAPersonEnteredOnAnImportedBookingSurvivesTheNextSyncs()
    {
        var (ownerId, propertyId, feed) = await PropertyWithFeedAsync(Stay("stay-1", 10, 3, "HMSTAY0001"));
        var imported = await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "stay-1"), booking => booking is not null, Patience, "the imported stay");
        var calendar = _grains.GetGrain<IBookingCalendarGrain>(propertyId);
        await calendar.UpdateBookingAsync(ownerId, imported!.Id, Bookings.Patches.Empty with
        {
            GuestFirstName = Patch<string>.Set("Lucía"),
            GuestEmail = Patch<string>.Set("lucia@example.org"),
            AdultsCount = Patch<int?>.Set(3),
            Notes = Patch<string>.Set("Arrives by train"),
        });

        _fake.State.ReplaceEvent(feed, "stay-1", Stay("stay-1", 12, 3, "HMSTAY0001"));
        await Airbnb(propertyId).SyncNowAsync();
        await Airbnb(propertyId).SyncNowAsync();

        var after = (await BookingAsync(ownerId, propertyId, "stay-1"))!.Details;
        Assert.Equal((Today().AddDays(12), Today().AddDays(15)), (after.From, after.To));
        Assert.Equal(("Lucía", "lucia@example.org", 3, "Arrives by train"), (after.GuestFirstName, after.GuestEmail, after.AdultsCount, after.Notes));
    }

    [Fact]
    public async Task ReadingACalendarsEventsAsClosuresTurnsItsStaysIntoBlocksAndBackAgain()
    {
        var (ownerId, propertyId, _) = await PropertyWithFeedAsync(Stay("stay-1", 10, 3, "HMSTAY0001"));
        await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "stay-1"), booking => booking is not null, Patience, "the imported stay");
        var channels = _grains.GetGrain<IPropertyChannelsGrain>(propertyId);

        await channels.SetReadingAsync(ownerId, PropertyChannelsGrain.AirbnbCalendarId, ChannelEventReading.Closures);
        await Airbnb(propertyId).SyncNowAsync();
        Assert.Equal(BookingStatus.Blocked, (await BookingAsync(ownerId, propertyId, "stay-1"))!.Details.Status);

        // The property's next access snapshot keeps the owner's choice.
        await _grains.GetGrain<IPropertyGrain>(propertyId).PatchAsync(ownerId, new PropertyPatch(Patch<string>.Set("Casa Azul renamed"), default, default, default, default, default, default, default, default, default));
        await Airbnb(propertyId).SyncNowAsync();
        Assert.Equal(ChannelEventReading.Closures, (await Airbnb(propertyId).GetStatusAsync()).Settings!.Reading);

        await channels.SetReadingAsync(ownerId, PropertyChannelsGrain.AirbnbCalendarId, ChannelEventReading.Auto);
        await Airbnb(propertyId).SyncNowAsync();
        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(ownerId, propertyId, "stay-1"))!.Details.Status);
    }

    [Fact]
    public async Task DeletingThePropertyStopsItsCalendarsAndItsExportUrl()
    {
        var (ownerId, propertyId, feed) = await PropertyWithFeedAsync(Stay("stay-1", 10, 3, "HMSTAY0001"));
        await Eventually.UntilAsync(() => BookingAsync(ownerId, propertyId, "stay-1"), booking => booking is not null, Patience, "the imported stay");
        var token = (await _grains.GetGrain<IPropertyChannelsGrain>(propertyId).GetExposureAsync(ownerId)).ExportToken;

        await _grains.GetGrain<IPropertyGrain>(propertyId).DeleteAsync(ownerId);

        Assert.Null(await _grains.GetGrain<IChannelExportTokenGrain>(token).GetPropertyIdAsync());
        Assert.Null((await Airbnb(propertyId).GetStatusAsync()).Settings);
        var requests = _fake.State.Requests(feed)!.Count;
        await Airbnb(propertyId).SyncNowAsync();
        Assert.Equal(requests, _fake.State.Requests(feed)!.Count);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
