using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kasify.Fakes.Channels;

namespace Kasify.Grains.Tests.Channels.Fakes;

/// <summary>The channel calendar fake over real HTTP: iCal framing, conditional requests, switches, shapes and the admin API.</summary>
public sealed class ChannelFakeServerTests : IAsyncLifetime
{
    private const string UserAgent = "KasifyChannelImport/1.0";
    private const string Feed = "test-feed";
    private const string FeedPath = "/feeds/" + Feed + ".ics";
    private static readonly DateOnly March10 = new(2027, 3, 10);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ChannelFakeServer _fake = new();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _http.BaseAddress = await _fake.StartAsync();
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task LinesEndInCrlfAndAreFoldedAt75OctetsWithoutSplittingCharacters()
    {
        const string Description = "Llegada de José Martínez 🏖️ con niños; trae bicicletas, y pide cuna. "
            + "Código de puerta en la app — ¡gracias por elegirnos! Ünïcödé ñ 日本語のテキスト 🚲🚲🚲 end";
        _fake.State.PutFeed(Feed, ChannelFeedShape.Other, [Stay(March10, 3) with { Uid = "u-1", Description = Description }]);

        using var response = await _http.GetAsync(FeedPath);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = StrictUtf8.GetString(bytes);
        Assert.EndsWith("END:VCALENDAR\r\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', body.Replace("\r\n", "", StringComparison.Ordinal));
        var lines = SplitLines(bytes);
        Assert.All(lines, line => Assert.InRange(line.Length, 1, 75));
        Assert.All(lines, line => StrictUtf8.GetString(line));
        Assert.Contains(lines, line => line[0] == (byte)' ');
        Assert.Contains("DESCRIPTION:" + Description.Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal),
            Unfold(body).Split("\r\n"));
    }

    [Fact]
    public async Task AirbnbDescriptionUnfoldsToTheReservationUrlAndPhoneDigits()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4) with { ReservationCode = "HMABCDEF12", PhoneLast4 = "4321" }]);

        var body = await GetBodyAsync();

        Assert.Contains(body.Split("\r\n"), line => line.StartsWith("DESCRIPTION:", StringComparison.Ordinal) && line.Length == 75);
        Assert.Contains(
            @"DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMABCDEF12\nPhone Number (Last 4 Digits): 4321",
            Unfold(body).Split("\r\n"));
    }

    [Fact]
    public async Task AMatchingIfNoneMatchIsAnswered304UntilTheFeedChanges()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4)]);
        var uid = _fake.State.Events(Feed)![0].Uid!;
        using var first = await _http.GetAsync(FeedPath);
        var etag = first.Headers.ETag!;

        using var notModified = await GetAsync(request => request.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        _fake.State.ReplaceEvent(Feed, uid, Stay(March10.AddDays(1), 4));
        using var changed = await GetAsync(request => request.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("DTSTART;VALUE=DATE:20270311\r\n", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IfModifiedSinceTheLastChangeIsAnswered304AndAnEarlierDateGetsTheFeed()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Booking, [Stay(March10, 4)]);
        using var first = await _http.GetAsync(FeedPath);
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var notModified = await GetAsync(request => request.Headers.IfModifiedSince = lastModified);
        using var older = await GetAsync(request => request.Headers.IfModifiedSince = lastModified.AddSeconds(-1));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Contains("BEGIN:VEVENT", await older.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IgnoreConditionalAlwaysAnswers200()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4)]);
        using var first = await _http.GetAsync(FeedPath);
        _fake.State.SetSwitches(Feed, new ChannelFeedSwitches(IgnoreConditional: true));

        using var response = await GetAsync(request =>
        {
            request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            request.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EmptyModeAnswers200WithNoBody()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4)]);
        _fake.State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.Empty));

        using var response = await _http.GetAsync(FeedPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ErrorModeAnswers500()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4)]);
        _fake.State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.Error));

        using var response = await _http.GetAsync(FeedPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task HtmlModeAnswersALoginPage()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4)]);
        _fake.State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.Html));

        using var response = await _http.GetAsync(FeedPath);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VCALENDAR", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyCalendarModeAnswersAValidCalendarWithoutEvents()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4)]);
        _fake.State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.EmptyCalendar));

        var body = await GetBodyAsync();

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", body, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", body, StringComparison.Ordinal);
        Assert.Contains("Airbnb Inc", body, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VEVENT", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedModeCutsTheNormalBodyInsideAnEvent()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4), Stay(March10.AddDays(10), 2)]);
        var normal = await GetBodyAsync();
        _fake.State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.Truncated));

        var truncated = await GetBodyAsync();

        Assert.StartsWith(truncated, normal, StringComparison.Ordinal);
        Assert.True(truncated.Length < normal.Length);
        Assert.Equal(2, Count(truncated, "BEGIN:VEVENT"));
        Assert.Equal(1, Count(truncated, "END:VEVENT"));
        Assert.DoesNotContain("END:VCALENDAR", truncated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowModeAnswersTheFeedAfterTheDelay()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4)]);
        var normal = await GetBodyAsync();
        _fake.State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.Slow, DelayMs: 200));

        Assert.Equal(normal, await GetBodyAsync());
    }

    [Fact]
    public async Task AClientGivingUpOnASlowFeedIsLoggedAs499()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4)]);
        _fake.State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.Slow, DelayMs: 60_000));
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _http.GetAsync(FeedPath, impatient.Token));

        // The server sees the abort a moment after the client: wait for it, bounded.
        for (var i = 0; i < 100 && _fake.State.RequestCount(Feed) == 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(499, Assert.Single(_fake.State.Requests(Feed)!).Status);
    }

    [Fact]
    public async Task EveryRequestIsLoggedWithItsValidatorsUserAgentAndStatus()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4)]);
        using var first = await _http.GetAsync(FeedPath);
        using var second = await GetAsync(request => request.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, FeedPath));

        var log = _fake.State.Requests(Feed)!;

        Assert.Equal(3, _fake.State.RequestCount(Feed));
        Assert.Equal([200, 304, 200], log.Select(r => r.Status));
        Assert.Equal(["GET", "GET", "HEAD"], log.Select(r => r.Method));
        Assert.All(log, r => Assert.Equal(UserAgent, r.UserAgent));
        Assert.Null(log[0].IfNoneMatch);
        Assert.Equal(first.Headers.ETag!.ToString(), log[1].IfNoneMatch);
        Assert.Equal(0, _fake.State.RequestCount("other-feed"));
    }

    [Fact]
    public async Task AirbnbFeedsWriteReservedAndNotAvailableWithAirbnbUids()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb,
            [Stay(March10, 4) with { ReservationCode = "HM1" }, Stay(March10.AddDays(8), 2) with { Kind = ChannelEventKind.Closure }]);

        var lines = Unfold(await GetBodyAsync()).Split("\r\n");

        Assert.Contains(lines, l => l.StartsWith("PRODID", StringComparison.Ordinal) && l.EndsWith(":-//Airbnb Inc//Hosting Calendar 0.8.8//EN", StringComparison.Ordinal));
        Assert.Equal(["SUMMARY:Reserved", "SUMMARY:Airbnb (Not available)"], lines.Where(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal)));
        Assert.All(lines.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)), l => Assert.Matches("^UID:[0-9a-f]+-[0-9a-f]+@airbnb\\.com$", l));
        Assert.Single(lines, l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal)));
        Assert.Contains("DTSTART;VALUE=DATE:20270310", lines);
        Assert.Contains("DTEND;VALUE=DATE:20270314", lines);
    }

    [Fact]
    public async Task BookingFeedsWriteClosedNotAvailableForEveryEventWithoutDescription()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Booking,
            [Stay(March10, 4) with { ReservationCode = "B1" }, Stay(March10.AddDays(8), 2) with { Kind = ChannelEventKind.Closure }]);

        var lines = Unfold(await GetBodyAsync()).Split("\r\n");

        Assert.Contains("PRODID:-//Booking.com//NONSGML Calendar//EN", lines);
        Assert.Equal(["SUMMARY:CLOSED - Not available", "SUMMARY:CLOSED - Not available"], lines.Where(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("DESCRIPTION", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)), l => Assert.EndsWith("@booking.com", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task VrboFeedsWriteTheGuestNameAndReservationId()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Vrbo,
        [
            Stay(March10, 4) with { ReservationCode = "HA-7Q2X9", GuestName = "Ana" },
            Stay(March10.AddDays(8), 2) with { Kind = ChannelEventKind.Closure },
        ]);

        var lines = Unfold(await GetBodyAsync()).Split("\r\n");

        Assert.Contains("PRODID:-//HomeAway.com, Inc.//EN", lines);
        Assert.Equal(["SUMMARY:Reserved - Ana", "SUMMARY:Blocked"], lines.Where(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal)));
        Assert.Equal(["DESCRIPTION:Reservation ID: HA-7Q2X9"], lines.Where(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ATimedEventInAZoneGetsTzidAndAVTimezone()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Other,
        [
            Stay(March10, 5) with { AllDay = false, TimeZone = "Europe/Madrid" },
            Stay(March10.AddDays(20), 2) with { AllDay = false, TimeZone = "UTC", StartTime = new(15, 30) },
        ]);

        var lines = Unfold(await GetBodyAsync()).Split("\r\n");

        Assert.Contains("DTSTART;TZID=Europe/Madrid:20270310T160000", lines);
        Assert.Contains("DTEND;TZID=Europe/Madrid:20270315T110000", lines);
        Assert.Contains("DTSTART:20270330T153000Z", lines);
        var zone = lines.SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "END:VTIMEZONE").ToList();
        Assert.Equal("TZID:Europe/Madrid", zone[1]);
        Assert.Contains("DTSTART:20270328T020000", zone);
        Assert.Contains("TZOFFSETFROM:+0100", zone);
        Assert.Contains("TZOFFSETTO:+0200", zone);
        Assert.Single(lines, l => l == "BEGIN:VTIMEZONE");
        Assert.True(Array.IndexOf(lines, "BEGIN:VTIMEZONE") < Array.IndexOf(lines, "BEGIN:VEVENT"));
    }

    [Fact]
    public async Task RecurrenceRulesAndExceptionsAreWritten()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Other,
        [
            Stay(March10, 1) with { Kind = ChannelEventKind.Closure, Rrule = "FREQ=WEEKLY;COUNT=4", Exdates = [new(2027, 3, 17), new(2027, 3, 24)] },
            Stay(March10, 1) with { AllDay = false, TimeZone = "Europe/Madrid", Rrule = "FREQ=DAILY;COUNT=3", Exdates = [new(2027, 3, 11)] },
        ]);

        var lines = Unfold(await GetBodyAsync()).Split("\r\n");

        Assert.Contains("RRULE:FREQ=WEEKLY;COUNT=4", lines);
        Assert.Contains("EXDATE;VALUE=DATE:20270317,20270324", lines);
        Assert.Contains("RRULE:FREQ=DAILY;COUNT=3", lines);
        Assert.Contains("EXDATE;TZID=Europe/Madrid:20270311T160000", lines);
        Assert.Contains("SUMMARY:Not available", lines);
    }

    [Fact]
    public async Task RemovedEventsLeaveTheFeedAndUnknownFeedsAre404()
    {
        _fake.State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(March10, 4) with { Uid = "keep@airbnb.com" }, Stay(March10.AddDays(9), 2) with { Uid = "gone@airbnb.com" }]);

        Assert.True(_fake.State.RemoveEvent(Feed, "gone@airbnb.com"));
        var body = await GetBodyAsync();
        using var unknown = await _http.GetAsync("/feeds/no-such-feed.ics");

        Assert.Contains("UID:keep@airbnb.com\r\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("gone@airbnb.com", body, StringComparison.Ordinal);
        Assert.False(_fake.State.RemoveEvent(Feed, "gone@airbnb.com"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TheAdminApiCreatesFeedsChangesEventsAndSwitchesAndListsUrls()
    {
        using var put = await _http.PutAsJsonAsync("/fake/feeds/admin-feed", new
        {
            shape = "vrbo",
            events = new object[] { new { uid = "r1", start = "2027-03-10", end = "2027-03-14", reservation_code = "HA1", guest_name = "Luis" } },
        });
        using var added = await _http.PostAsJsonAsync("/fake/feeds/admin-feed/events", new { start = "2027-04-01", end = "2027-04-03", kind = "closure" });
        using var moved = await _http.PutAsJsonAsync("/fake/feeds/admin-feed/events/r1", new { start = "2027-03-11", end = "2027-03-15", guest_name = "Luis" });
        using var invalid = await _http.PostAsJsonAsync("/fake/feeds/admin-feed/events", new { start = "2027-04-03", end = "2027-04-01" });
        using var switches = await _http.PutAsJsonAsync("/fake/feeds/admin-feed/switches", new { mode = "empty_calendar", ignore_conditional = true });
        var feeds = await _http.GetStringAsync("/fake/feeds");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.EndsWith("@vrbo.com", (await added.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["uid"].ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, switches.StatusCode);
        Assert.Equal(new ChannelFeedSwitches(ChannelFeedMode.EmptyCalendar, 0, true), _fake.State.Switches("admin-feed"));
        var events = _fake.State.Events("admin-feed")!;
        Assert.Equal([new DateOnly(2027, 3, 11), new DateOnly(2027, 4, 1)], events.Select(e => e.Start));
        Assert.Equal(ChannelEventKind.Closure, events[1].Kind);
        Assert.Contains($"\"url\":\"{_fake.FeedUrl("admin-feed")}\"", feeds, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchesForAllFeedsApplyToExistingAndNewFeeds()
    {
        _fake.State.PutFeed("first", ChannelFeedShape.Airbnb, [Stay(March10, 4)]);
        using var response = await _http.PutAsJsonAsync("/fake/switches", new { mode = "error" });
        _fake.State.PutFeed("second", ChannelFeedShape.Booking, [Stay(March10, 4)]);

        using var first = await _http.GetAsync("/feeds/first.ics");
        using var second = await _http.GetAsync("/feeds/second.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
    }

    [Fact]
    public async Task TheDemoSeedsAirbnbAndBookingFeedsFromToday()
    {
        ChannelFakeServer.SeedDemo(_fake.State, new DateOnly(2027, 6, 1));

        using var airbnbResponse = await _http.GetAsync(_fake.FeedUrl(ChannelFakeServer.DemoAirbnbFeed));
        var airbnb = Unfold(await airbnbResponse.Content.ReadAsStringAsync()).Split("\r\n");
        var booking = Unfold(await _http.GetStringAsync(_fake.FeedUrl(ChannelFakeServer.DemoBookingFeed))).Split("\r\n");

        Assert.Equal(["20270602", "20270613", "20270621"], airbnb.Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal)).Select(l => l[^8..]));
        Assert.Equal(["20270605", "20270616", "20270623"], airbnb.Where(l => l.StartsWith("DTEND", StringComparison.Ordinal)).Select(l => l[^8..]));
        Assert.Contains(airbnb, l => l.Contains("details/HMDEMO0001\\nPhone Number (Last 4 Digits): 4321", StringComparison.Ordinal));
        Assert.Contains(airbnb, l => l.EndsWith("details/HMDEMO0002", StringComparison.Ordinal));
        Assert.Contains("SUMMARY:Airbnb (Not available)", airbnb);
        Assert.Contains("DTSTART;VALUE=DATE:20270701", booking);
        Assert.Contains("DTEND;VALUE=DATE:20270706", booking);
    }

    private static ChannelFakeEvent Stay(DateOnly start, int nights) => new() { Start = start, End = start.AddDays(nights) };

    private async Task<HttpResponseMessage> GetAsync(Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FeedPath);
        configure(request);
        return await _http.SendAsync(request);
    }

    private async Task<string> GetBodyAsync()
    {
        using var response = await _http.GetAsync(FeedPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    // RFC 5545 §3.1: a CRLF followed by one space or tab is removed to unfold.
    private static string Unfold(string body) => body.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);

    private static List<byte[]> SplitLines(byte[] body)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < body.Length; i++)
        {
            if (body[i] == '\r' && body[i + 1] == '\n')
            {
                lines.Add(body[start..i]);
                start = i + 2;
                i++;
            }
        }

        Assert.Equal(body.Length, start);
        return lines;
    }

    private static int Count(string text, string value) => text.Split(value).Length - 1;
}
