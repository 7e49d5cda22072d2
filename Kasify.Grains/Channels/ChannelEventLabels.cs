namespace Kasify.Grains.Channels;

/// <summary>How each channel labels a stay versus a closure in its export SUMMARY.</summary>
internal static class ChannelEventLabels
{
    public static ChannelEventKind KindOf(string? summary, ChannelFeedKind channel, FeedEventReading reading)
    {
        if (reading == FeedEventReading.Stays)
        {
            return ChannelEventKind.Stay;
        }

        if (reading == FeedEventReading.Closures)
        {
            return ChannelEventKind.Closure;
        }

        var text = summary?.Trim() ?? "";
        return channel switch
        {
            // Airbnb: "Reserved" for guests, "Airbnb (Not available)" for the host's blocks.
            ChannelFeedKind.Airbnb => text.Equals("Reserved", StringComparison.OrdinalIgnoreCase) ? ChannelEventKind.Stay
                : Contains(text, "Not available") || Contains(text, "Blocked") ? ChannelEventKind.Closure
                : ChannelEventKind.Stay,

            // Booking.com exports stays and closures alike as "CLOSED - Not available": the safe reading is a stay.
            ChannelFeedKind.Booking => ChannelEventKind.Stay,

            ChannelFeedKind.Vrbo => text.StartsWith("Reserved", StringComparison.OrdinalIgnoreCase) ? ChannelEventKind.Stay
                : Contains(text, "Blocked") || Contains(text, "Not available") ? ChannelEventKind.Closure
                : ChannelEventKind.Stay,

            _ => text.Equals("Not available", StringComparison.OrdinalIgnoreCase)
                || text.Equals("Blocked", StringComparison.OrdinalIgnoreCase)
                || text.Equals("Closed", StringComparison.OrdinalIgnoreCase)
                    ? ChannelEventKind.Closure
                    : ChannelEventKind.Stay,
        };
    }

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
}
