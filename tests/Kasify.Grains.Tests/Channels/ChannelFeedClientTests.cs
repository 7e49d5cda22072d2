using System.Net;
using System.Net.Sockets;
using System.Text;
using Kasify.Fakes.Channels;
using Kasify.Grains.Channels;
using Kasify.Grains.Hosting;
using Kasify.Grains.Outbound;
using Kasify.Grains.Tests.Channels.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Tests.Channels;

/// <summary>The channel feed client against the fake channel server (and a small local server for redirects and odd bodies).</summary>
public sealed class ChannelFeedClientTests : IAsyncLifetime
{
    private const string Feed = "client-feed";
    private const string Secret = "s3cr3t-export-token";
    private static readonly DateOnly June1 = new(2027, 6, 1);

    private readonly ChannelFakeServer _fake = new();
    private LocalHttpServer _local = null!;
    private ServiceProvider _services = null!;

    private ChannelFakeState State => _fake.State;

    public async Task InitializeAsync()
    {
        await _fake.StartAsync();
        _local = await LocalHttpServer.StartAsync();
        _services = Services(new OutboundOptions { AllowLoopback = true });
        State.PutFeed(Feed, ChannelFeedShape.Airbnb, [Stay(June1, 4)]);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _local.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task AFeedIsFetchedWithItsTextAndValidators()
    {
        var result = await FetchAsync(_fake.FeedUrl(Feed));

        Assert.Equal(ChannelFetchOutcome.Fetched, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.ProblemCode);
        Assert.Equal(State.Content(Feed)!.Body, result.Text);
        Assert.Matches("^\"[0-9a-f]{32}\"$", result.Validators?.ETag);
        Assert.Equal(State.Feed(Feed)!.LastModified, result.Validators?.LastModified);
    }

    [Fact]
    public async Task TheSecondFetchSendsTheValidatorsAndIsNotModified()
    {
        var first = await FetchAsync(_fake.FeedUrl(Feed));

        var second = await FetchAsync(_fake.FeedUrl(Feed), first.Validators);

        Assert.Equal(ChannelFetchOutcome.NotModified, second.Outcome);
        Assert.Equal(304, second.StatusCode);
        Assert.Null(second.Text);
        Assert.Equal(first.Validators, second.Validators);
        var sent = State.Requests(Feed)![^1];
        Assert.Equal(304, sent.Status);
        Assert.Equal(first.Validators!.ETag, sent.IfNoneMatch);
        Assert.Equal(first.Validators.LastModified, DateTimeOffset.Parse(sent.IfModifiedSince!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AFeedChangedSinceTheValidatorsIsFetchedAgain()
    {
        var first = await FetchAsync(_fake.FeedUrl(Feed));
        State.AddEvent(Feed, Stay(June1.AddDays(10), 2));

        var second = await FetchAsync(_fake.FeedUrl(Feed), first.Validators);

        Assert.Equal(ChannelFetchOutcome.Fetched, second.Outcome);
        Assert.NotEqual(first.Validators!.ETag, second.Validators!.ETag);
        Assert.Equal(State.Content(Feed)!.Body, second.Text);
    }

    [Fact]
    public async Task AServerErrorIsAnHttpErrorWithItsStatus()
    {
        State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.Error));

        var result = await FetchAsync(_fake.FeedUrl(Feed));

        Assert.Equal(ChannelFetchOutcome.Failed, result.Outcome);
        Assert.Equal("feed.http_error", result.ProblemCode);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal("The feed answered 500.", result.ProblemText);
        Assert.Null(result.Validators);
    }

    [Fact]
    public async Task AFeedSlowerThanTheFetchTimeoutTimesOut()
    {
        await using var services = Services(new OutboundOptions { AllowLoopback = true }, ("FetchTimeout", "00:00:00.300"));
        State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.Slow, DelayMs: 30_000));

        var result = await FetchAsync(services, _fake.FeedUrl(Feed));

        Assert.Equal(ChannelFetchOutcome.Failed, result.Outcome);
        Assert.Equal("feed.timeout", result.ProblemCode);
    }

    [Fact]
    public async Task TheCallersCancellationThrows()
    {
        State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.Slow, DelayMs: 30_000));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(_services).FetchAsync(_fake.FeedUrl(Feed), null, cancel.Token));
    }

    [Fact]
    public async Task AFeedOverTheSizeCapIsTooLarge()
    {
        var size = Encoding.UTF8.GetByteCount(State.Content(Feed)!.Body);
        await using var exact = Services(new OutboundOptions { AllowLoopback = true }, ("MaxFeedBytes", size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using var smaller = Services(new OutboundOptions { AllowLoopback = true }, ("MaxFeedBytes", (size - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(ChannelFetchOutcome.Fetched, (await FetchAsync(exact, _fake.FeedUrl(Feed))).Outcome);
        var result = await FetchAsync(smaller, _fake.FeedUrl(Feed));

        Assert.Equal(ChannelFetchOutcome.Failed, result.Outcome);
        Assert.Equal("feed.too_large", result.ProblemCode);
    }

    [Fact]
    public async Task ABodyWithoutContentLengthIsCappedWhileRead()
    {
        await using var services = Services(new OutboundOptions { AllowLoopback = true }, ("MaxFeedBytes", "1000"));
        _local.Body("/exact.ics", "text/calendar", new byte[1000]);
        _local.Body("/big.ics", "text/calendar", new byte[200_000]);

        var exact = await FetchAsync(services, _local.Url("/exact.ics"));
        var big = await FetchAsync(services, _local.Url("/big.ics"));

        Assert.Equal(ChannelFetchOutcome.Fetched, exact.Outcome);
        Assert.Equal(1000, exact.Text!.Length);
        Assert.Equal("feed.too_large", big.ProblemCode);
    }

    [Fact]
    public async Task LoopbackIsRefusedWithoutTheSettingAndNoRequestIsSent()
    {
        await using var strict = Services(new OutboundOptions());
        var byName = new UriBuilder(_fake.FeedUrl(Feed)) { Host = "localhost" }.Uri;

        var byAddress = await FetchAsync(strict, _fake.FeedUrl(Feed));
        var resolved = await FetchAsync(strict, byName);

        Assert.Equal("feed.address_refused", byAddress.ProblemCode);
        Assert.Equal("feed.address_refused", resolved.ProblemCode);
        Assert.Equal(ChannelFetchOutcome.Failed, byAddress.Outcome);
        Assert.Equal(0, State.RequestCount(Feed));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/feeds/client-feed.ics")]
    [InlineData("file:///etc/passwd")]
    [InlineData("webcal://127.0.0.1/feeds/client-feed.ics")]
    public async Task OnlyHttpAndHttpsAreFetched(string url)
    {
        var result = await FetchAsync(new Uri(url));

        Assert.Equal(ChannelFetchOutcome.Failed, result.Outcome);
        Assert.Equal("feed.bad_scheme", result.ProblemCode);
    }

    [Fact]
    public async Task RedirectsAreFollowedUpToTheLimit()
    {
        _local.Redirect("/a", "/b", StatusCodes.Status301MovedPermanently);
        _local.Redirect("/b", _local.Url("/c").ToString(), StatusCodes.Status307TemporaryRedirect);
        _local.Redirect("/c", _fake.FeedUrl(Feed).ToString(), StatusCodes.Status308PermanentRedirect);

        var result = await FetchAsync(_local.Url("/a"));

        Assert.Equal(ChannelFetchOutcome.Fetched, result.Outcome);
        Assert.Equal(State.Content(Feed)!.Body, result.Text);
        Assert.Equal(["/a", "/b", "/c"], _local.Requests.Select(request => request.Path));
        Assert.Equal(1, State.RequestCount(Feed));
    }

    [Fact]
    public async Task OneRedirectTooManyFailsBeforeReachingTheFeed()
    {
        _local.Redirect("/a", "/b");
        _local.Redirect("/b", "/c", StatusCodes.Status303SeeOther);
        _local.Redirect("/c", "/d");
        _local.Redirect("/d", _fake.FeedUrl(Feed).ToString());

        var result = await FetchAsync(_local.Url("/a"));

        Assert.Equal(ChannelFetchOutcome.Failed, result.Outcome);
        Assert.Equal("feed.too_many_redirects", result.ProblemCode);
        Assert.Equal(302, result.StatusCode);
        Assert.Equal(0, State.RequestCount(Feed));
    }

    [Fact]
    public async Task EveryRedirectHopIsCheckedAgain()
    {
        _local.Redirect("/metadata", "http://169.254.169.254/latest/meta-data/");
        _local.Redirect("/ftp", "ftp://127.0.0.1/feed.ics");

        var metadata = await FetchAsync(_local.Url("/metadata"));
        var ftp = await FetchAsync(_local.Url("/ftp"));

        Assert.Equal("feed.address_refused", metadata.ProblemCode);
        Assert.Equal("feed.bad_scheme", ftp.ProblemCode);
    }

    [Fact]
    public async Task ProblemTextsNeverContainTheQuery()
    {
        var closedPort = ClosedPort();
        State.SetSwitches(Feed, new ChannelFeedSwitches(ChannelFeedMode.Error));
        _local.Redirect("/loop", "/loop?token=" + Secret);
        await using var strict = Services(new OutboundOptions());
        await using var small = Services(new OutboundOptions { AllowLoopback = true }, ("MaxFeedBytes", "10"));
        State.PutFeed("other", ChannelFeedShape.Booking, [Stay(June1, 2)]);

        ChannelFetchResult[] results =
        [
            await FetchAsync(WithSecret(_fake.FeedUrl(Feed))),
            await FetchAsync(strict, WithSecret(_fake.FeedUrl(Feed))),
            await FetchAsync(WithSecret(new UriBuilder(_fake.FeedUrl(Feed)) { Port = closedPort }.Uri)),
            await FetchAsync(WithSecret(_local.Url("/loop"))),
            await FetchAsync(small, WithSecret(_fake.FeedUrl("other"))),
        ];

        Assert.Equal(["feed.http_error", "feed.address_refused", "feed.unreachable", "feed.too_many_redirects", "feed.too_large"],
            results.Select(result => result.ProblemCode));
        Assert.All(results, result => Assert.DoesNotContain(Secret, result.ProblemText, StringComparison.Ordinal));
        Assert.All(results, result => Assert.DoesNotContain("?", result.ProblemText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheUserAgentAndAcceptHeadersAreSent()
    {
        await using var services = Services(new OutboundOptions { AllowLoopback = true }, ("UserAgent", "Kasify-Test/2.0"));
        _local.Body("/feed.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray());

        await FetchAsync(_fake.FeedUrl(Feed));
        await FetchAsync(services, _local.Url("/feed.ics"));

        Assert.Equal(new ChannelFeedOptions().UserAgent, State.Requests(Feed)![0].UserAgent);
        var headers = _local.Requests.Single().Headers;
        Assert.Equal("Kasify-Test/2.0", headers.UserAgent.ToString());
        Assert.Equal("text/calendar, */*;q=0.5", headers.Accept.ToString());
        Assert.Equal(0, headers.IfNoneMatch.Count);
    }

    [Fact]
    public async Task TheBodyIsDecodedByItsCharsetAndUtf8ByDefault()
    {
        const string Summary = "SUMMARY:Reserva de José Núñez";
        _local.Body("/latin1.ics", "text/calendar; charset=iso-8859-1", Encoding.Latin1.GetBytes(Summary));
        _local.Body("/bom.ics", "text/calendar", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Summary)]);
        _local.Body("/unlabelled.ics", "text/calendar", Encoding.UTF8.GetBytes(Summary));

        Assert.Equal(Summary, (await FetchAsync(_local.Url("/latin1.ics"))).Text);
        Assert.Equal(Summary, (await FetchAsync(_local.Url("/bom.ics"))).Text);
        Assert.Equal(Summary, (await FetchAsync(_local.Url("/unlabelled.ics"))).Text);
    }

    [Fact]
    public void SettingsOutOfRangeStopTheRegistration()
    {
        Assert.Throws<InvalidOperationException>(() => Services(new OutboundOptions(), ("FetchTimeout", "00:00:00")));
        Assert.Throws<InvalidOperationException>(() => Services(new OutboundOptions(), ("MaxFeedBytes", "0")));
        Assert.Throws<InvalidOperationException>(() => Services(new OutboundOptions(), ("MaxRedirects", "-1")));
    }

    private Task<ChannelFetchResult> FetchAsync(Uri url, ChannelFetchValidators? previous = null) => FetchAsync(_services, url, previous);

    private static Task<ChannelFetchResult> FetchAsync(IServiceProvider services, Uri url, ChannelFetchValidators? previous = null) =>
        Client(services).FetchAsync(url, previous, CancellationToken.None);

    private static IChannelFeedClient Client(IServiceProvider services) => services.GetRequiredService<IChannelFeedClient>();

    private static ServiceProvider Services(OutboundOptions outbound, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create<string, string?>("Kasify:Channels:" + setting.Key, setting.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(outbound);
        services.AddChannelFeedClient(configuration);
        return services.BuildServiceProvider();
    }

    private static Uri WithSecret(Uri url) => new UriBuilder(url) { Query = "s=" + Secret }.Uri;

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ChannelFakeEvent Stay(DateOnly start, int nights) => new() { Start = start, End = start.AddDays(nights), ReservationCode = "HMCLIENT01" };
}
