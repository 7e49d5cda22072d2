using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Channels;

/// <summary>The owner's email about a refused channel event, and its stable id.</summary>
internal static class ChannelConflictMails
{
    public static ChannelConflictMail For(
        PropertyAccess property, Guid propertyId, string calendarId, ChannelCalendarChannel channel, ChannelImportItem item, Guid heldBy, DateTimeOffset now) =>
        new(IdFor(propertyId, calendarId, item.Uid, item.From, item.To), propertyId, property.Details.Name, property.OwnerId,
            calendarId, channel, item.From, item.To, item.Closure, heldBy, now);

    /// <summary>
    /// A name-based UUID of the property, the calendar, the UID and the dates: the same conflict, recorded again after it
    /// cleared or delivered again after a crash, names the same mail grain, which sends it once.
    /// </summary>
    public static Guid IdFor(Guid propertyId, string calendarId, string uid, DateOnly from, DateOnly to) =>
        NameBasedIds.From($"kasify-channel-conflict-mail\n{propertyId:N}\n{calendarId}\n{uid}\n{from:O}\n{to:O}");
}
