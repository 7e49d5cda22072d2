using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Grains.Channels;

/// <summary>Which channel fetched the export, and what it has not seen.</summary>
public static class ChannelExposureRules
{
    /// <summary>The channel a fetcher's user agent names; anything unrecognised is <see cref="ChannelCalendarChannel.Other"/>.</summary>
    public static ChannelCalendarChannel Recognize(string? userAgent)
    {
        var agent = userAgent ?? "";
        bool Has(string word) => agent.Contains(word, StringComparison.OrdinalIgnoreCase);
        return Has("airbnb") ? ChannelCalendarChannel.Airbnb
            : Has("booking.com") || Has("bookingcom") ? ChannelCalendarChannel.Booking
            : Has("vrbo") || Has("homeaway") || Has("expedia") ? ChannelCalendarChannel.Vrbo
            : ChannelCalendarChannel.Other;
    }

    /// <summary>The channel's bookings: those it need not see in our export (they came from it).</summary>
    public static BookingChannel? BookingChannelOf(ChannelCalendarChannel channel) => channel switch
    {
        ChannelCalendarChannel.Airbnb => BookingChannel.Airbnb,
        ChannelCalendarChannel.Booking => BookingChannel.Booking,
        ChannelCalendarChannel.Vrbo => BookingChannel.Vrbo,
        _ => null,
    };

    /// <summary>
    /// Channels whose last fetch of the export is older than <paramref name="staleAfter"/> and whose silence since that fetch
    /// has not been reported yet, with that fetch's time: one report per silence, another only after a new fetch.
    /// </summary>
    public static IReadOnlyList<(ChannelCalendarChannel Channel, DateTimeOffset LastFetch)> NewlySilent(
        IReadOnlyDictionary<ChannelCalendarChannel, ExportFetch> fetches,
        IReadOnlyDictionary<ChannelCalendarChannel, DateTimeOffset> reported,
        DateTimeOffset now,
        TimeSpan staleAfter) =>
        [.. fetches
            .Where(entry => now - entry.Value.At > staleAfter && reported.GetValueOrDefault(entry.Key) != entry.Value.At)
            .Select(entry => (entry.Key, entry.Value.At))
            .OrderBy(entry => entry.Key)];

    /// <summary>
    /// Held nights the channel has not seen: not in the export as it last fetched it (new, or moved since), leaving out
    /// the channel's own bookings. A channel that never fetched has seen nothing.
    /// </summary>
    public static IReadOnlyList<HeldDates> Unseen(IEnumerable<HeldDates> held, ChannelCalendarChannel channel, ExportFetch? lastFetch)
    {
        var own = BookingChannelOf(channel);
        var seen = lastFetch?.Seen.ToHashSet() ?? [];
        return [.. held
            .Where(dates => own is null || dates.Channel != own)
            .Where(dates => !seen.Contains(new ExportedStay(dates.BookingId, dates.From, dates.To, dates.Blocked)))
            .OrderBy(dates => dates.From)];
    }
}
