using System.Text;
using Kasify.Grains.Channels;

namespace Kasify.Grains.Tests.Channels;

/// <summary>Feed texts and the fixed day the tests read them on.</summary>
internal static class ChannelFeeds
{
    public static readonly DateOnly Today = new(2026, 3, 1);

    public static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    public static string File(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Feeds", name));

    public static ChannelFeedReadResult Read(string text, ChannelFeedKind channel = ChannelFeedKind.Other, FeedEventReading reading = FeedEventReading.Auto) =>
        ChannelFeedReader.Read(text, channel, reading, Madrid, Today);

    /// <summary>A calendar around the given VEVENT bodies (each without BEGIN/END lines).</summary>
    public static string FeedWith(params string[] events)
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Kasify tests//EN\n");
        foreach (var body in events)
        {
            text.Append("BEGIN:VEVENT\n").Append(body.Trim()).Append("\nEND:VEVENT\n");
        }

        return text.Append("END:VCALENDAR\n").ToString();
    }
}
