using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Channels;
using static Kasify.Grains.Activity.BookingActivity;

namespace Kasify.Grains.Channels;

/// <summary>Feed entries of channel calendar sync; like every entry, free of guest personal data.</summary>
internal static class ChannelActivity
{
    public static ActivityEntry Conflict(Guid propertyId, ChannelImportItem item, Guid heldBy, DateTimeOffset now) =>
        new(Guid.NewGuid(), propertyId, ActivityKind.ChannelConflict, now, heldBy, null,
            $"A channel calendar's {(item.Closure ? "closure" : "stay")} {Dates(item.From, item.To)} was not taken: those nights are held by another booking");

    public static ActivityEntry Failed(Guid propertyId, string calendarId, string code, DateTimeOffset now) =>
        new(Guid.NewGuid(), propertyId, ActivityKind.ChannelSyncFailed, now, null, null,
            $"The {calendarId} calendar could not be read ({code}); its last good calendar stays in force");

    public static ActivityEntry Silent(Guid propertyId, ChannelCalendarChannel channel, DateTimeOffset lastFetch, DateTimeOffset now) =>
        new(Guid.NewGuid(), propertyId, ActivityKind.ChannelExportStale, now, null, null,
            $"{channel} has not fetched this property's calendar since {lastFetch:yyyy-MM-dd HH:mm} UTC: bookings made since may not have reached it");
}
