using System.Globalization;
using Kasify.Fakes.Channels;
using Kasify.Grains.Channels;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.Storage;

namespace Kasify.Grains.Tests.Channels;

/// <summary>
/// A property whose Airbnb calendar (on the fake channel server) has a stay on nights a direct booking already holds:
/// the refused event, as a real import meets it.
/// </summary>
internal sealed record ChannelConflictArrangement(Guid OwnerId, Guid PropertyId, string Feed, Guid DirectBookingId, ChannelFakeEvent Refused)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The refused event's reservation code and phone digits: guest data the email must not carry.</summary>
    public const string ReservationCode = "HMCONFLICT7";

    public const string PhoneLast4 = "9876";

    // The feed reader keeps only events from the property's today on, so the nights are counted from it.
    public static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")).DateTime);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public IChannelCalendarGrain Calendar(IGrainFactory grains) =>
        grains.GetGrain<IChannelCalendarGrain>(PropertyId, PropertyChannelsGrain.AirbnbCalendarId);

    /// <summary>Sets the property up, then adds the conflicting event to its feed and syncs once.</summary>
    public static async Task<ChannelConflictArrangement> ArrangeAsync(IGrainFactory grains, ChannelFakeServer fake, string ownerEmail)
    {
        var feed = "airbnb-" + Guid.NewGuid().ToString("N");
        var first = new ChannelFakeEvent { Uid = "stay-1", Start = Today().AddDays(10), End = Today().AddDays(13), ReservationCode = "HMSTAY0001" };
        fake.State.PutFeed(feed, ChannelFeedShape.Airbnb, [first]);
        var owner = await grains.RegisterNewUserAsync(ownerEmail);
        var propertyId = Guid.NewGuid();
        await grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details() with { AirbnbIcalUrl = fake.FeedUrl(feed).ToString() });
        var bookings = grains.GetGrain<IBookingCalendarGrain>(propertyId);
        await Eventually.UntilAsync(
            () => bookings.GetBookingAsync(owner.Id, ChannelCalendarRules.BookingIdFor(propertyId, PropertyChannelsGrain.AirbnbCalendarId, "stay-1")),
            booking => booking is not null,
            Patience,
            "the first imported stay");

        // The direct booking carries a guest's name, email and phone: none of it may reach the owner's email.
        var direct = await bookings.CreateBookingAsync(owner.Id, Bookings.BookingRulesTests.Stay(Iso(Today().AddDays(40)), Iso(Today().AddDays(43))));
        var refused = new ChannelFakeEvent
        {
            Uid = "stay-conflict",
            Start = Today().AddDays(41),
            End = Today().AddDays(44),
            ReservationCode = ReservationCode,
            PhoneLast4 = PhoneLast4,
        };
        fake.State.AddEvent(feed, refused);
        var arrangement = new ChannelConflictArrangement(owner.Id, propertyId, feed, direct.Id, refused);
        var status = await arrangement.Calendar(grains).SyncNowAsync();
        Assert.Equal(("stay-conflict", direct.Id), (Assert.Single(status.Conflicts).Uid, status.Conflicts[0].ConflictsWith));
        return arrangement;
    }
}
