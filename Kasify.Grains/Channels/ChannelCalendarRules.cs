using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Grains.Channels;

/// <summary>Names and mappings of channel calendar sync.</summary>
internal static class ChannelCalendarRules
{
    /// <summary>
    /// The booking that stands for an event: derived from the property, the calendar and the UID (a name-based UUID), so a
    /// create applied twice, or after a crash, finds the booking it made the first time.
    /// </summary>
    public static Guid BookingIdFor(Guid propertyId, string calendarId, string uid) =>
        NameBasedIds.From($"kasify-channel-booking\n{propertyId:N}\n{calendarId}\n{uid}");

    public static ChannelFeedKind KindOf(ChannelCalendarChannel channel) => channel switch
    {
        ChannelCalendarChannel.Airbnb => ChannelFeedKind.Airbnb,
        ChannelCalendarChannel.Booking => ChannelFeedKind.Booking,
        ChannelCalendarChannel.Vrbo => ChannelFeedKind.Vrbo,
        _ => ChannelFeedKind.Other,
    };

    public static BookingChannel BookingChannelOf(ChannelCalendarChannel channel) => channel switch
    {
        ChannelCalendarChannel.Airbnb => BookingChannel.Airbnb,
        ChannelCalendarChannel.Booking => BookingChannel.Booking,
        ChannelCalendarChannel.Vrbo => BookingChannel.Vrbo,
        _ => BookingChannel.Other,
    };

    public static FeedEventReading ReadingOf(ChannelEventReading reading) => reading switch
    {
        ChannelEventReading.Stays => FeedEventReading.Stays,
        ChannelEventReading.Closures => FeedEventReading.Closures,
        _ => FeedEventReading.Auto,
    };

    /// <summary>The events a sync asks the booking calendar for, and what <c>Known</c> holds of each once taken.</summary>
    public static (List<ChannelImportItem> Items, Dictionary<string, KnownChannelEvent> Known) ImportOf(
        ChannelReconcilePlan plan, Guid propertyId, string calendarId)
    {
        var items = new List<ChannelImportItem>();
        var known = new Dictionary<string, KnownChannelEvent>(StringComparer.Ordinal);
        foreach (var created in plan.Create)
        {
            var bookingId = BookingIdFor(propertyId, calendarId, created.Uid);
            items.Add(Upsert(created, bookingId));
            known[created.Uid] = KnownChannelEvent.From(created, bookingId);
        }

        foreach (var move in plan.Move)
        {
            items.Add(Upsert(move.Now, move.Known.BookingId));
            known[move.Now.Uid] = KnownChannelEvent.From(move.Now, move.Known.BookingId);
        }

        foreach (var gone in plan.Cancel)
        {
            items.Add(new ChannelImportItem(gone.Uid, gone.BookingId, ChannelImportAction.Cancel, gone.Arrival, gone.Departure, gone.Kind == ChannelEventKind.Closure, null, null));
        }

        return (items, known);
    }

    private static ChannelImportItem Upsert(ChannelEvent channelEvent, Guid bookingId) => new(
        channelEvent.Uid,
        bookingId,
        ChannelImportAction.Upsert,
        channelEvent.Arrival,
        channelEvent.Departure,
        channelEvent.Kind == ChannelEventKind.Closure,
        Shortened(channelEvent.ReservationCode ?? channelEvent.Uid, BookingLimits.ChannelIdLength),
        channelEvent.Notes);

    private static string Shortened(string text, int length) => text.Length <= length ? text : text[..length];
}
