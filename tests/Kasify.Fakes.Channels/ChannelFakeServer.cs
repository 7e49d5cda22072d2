using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kasify.Fakes.Channels;

/// <summary>
/// The fake channel calendars as a Kestrel server: standalone from <see cref="Program"/>, or in-process from tests on a
/// free loopback port (<c>await using var fake = new ChannelFakeServer(); var baseUrl = await fake.StartAsync();</c>).
/// </summary>
public sealed class ChannelFakeServer(TimeProvider? time = null) : IAsyncDisposable
{
    /// <summary>The demo feed in Airbnb's shape.</summary>
    public const string DemoAirbnbFeed = "demo-airbnb";

    /// <summary>The demo feed in Booking.com's shape.</summary>
    public const string DemoBookingFeed = "demo-booking";

    /// <summary>The zone whose "today" the demo dates count from.</summary>
    public const string DemoTimeZone = "Europe/Madrid";

    private WebApplication? _app;

    /// <summary>The fake's state: create feeds, change events, flip switches, read request logs.</summary>
    public ChannelFakeState State { get; } = new(time);

    /// <summary>The base URL once started (e.g. <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri? BaseUrl { get; private set; }

    /// <summary>Starts on <paramref name="url"/>, by default a free port on 127.0.0.1, and returns the base URL.</summary>
    public async Task<Uri> StartAsync(string url = "http://127.0.0.1:0", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapChannelFake(State);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);
        return BaseUrl;
    }

    /// <summary>The URL of feed <paramref name="name"/> once started.</summary>
    public Uri FeedUrl(string name) =>
        new(BaseUrl ?? throw new InvalidOperationException("The server is not started."), ChannelFakeEndpoints.FeedPath(name));

    /// <summary>
    /// Seeds the demo feeds, dated from <paramref name="today"/>: <c>demo-airbnb</c> with two stays and a closure,
    /// <c>demo-booking</c> with one stay. UIDs derive from the feed and code, so a restarted fake keeps them.
    /// </summary>
    public static void SeedDemo(ChannelFakeState state, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.PutFeed(DemoAirbnbFeed, ChannelFeedShape.Airbnb,
        [
            DemoEvent(DemoAirbnbFeed, "HMDEMO0001", today.AddDays(1), nights: 3) with { PhoneLast4 = "4321" },
            DemoEvent(DemoAirbnbFeed, "HMDEMO0002", today.AddDays(12), nights: 3),
            DemoEvent(DemoAirbnbFeed, "closure-1", today.AddDays(20), nights: 2) with { Kind = ChannelEventKind.Closure, ReservationCode = null },
        ]);
        state.PutFeed(DemoBookingFeed, ChannelFeedShape.Booking,
        [
            DemoEvent(DemoBookingFeed, "booking-1", today.AddDays(30), nights: 5) with { ReservationCode = null },
        ]);
    }

    /// <summary>Today in <see cref="DemoTimeZone"/>.</summary>
    public static DateOnly DemoToday(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(DemoTimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static ChannelFakeEvent DemoEvent(string feed, string key, DateOnly start, int nights)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(feed + "/" + key)));
        var uid = feed == DemoAirbnbFeed ? $"{hash[..12]}-{hash[12..44]}@airbnb.com" : $"{hash[..32]}@booking.com";
        return new ChannelFakeEvent { Uid = uid, Start = start, End = start.AddDays(nights), ReservationCode = key };
    }
}
