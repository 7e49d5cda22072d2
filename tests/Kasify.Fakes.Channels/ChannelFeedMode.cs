namespace Kasify.Fakes.Channels;

/// <summary>How a feed answers, imitating the failures channels really produce.</summary>
public enum ChannelFeedMode
{
    /// <summary>The calendar, with conditional requests honoured.</summary>
    Normal,

    /// <summary>200 with an empty body.</summary>
    Empty,

    /// <summary>500.</summary>
    Error,

    /// <summary>The normal answer after <see cref="ChannelFeedSwitches.DelayMs"/>.</summary>
    Slow,

    /// <summary>The normal body cut in the middle of an event, as when the channel's connection drops.</summary>
    Truncated,

    /// <summary>200 with a <c>text/html</c> login page, as when an export link has expired.</summary>
    Html,

    /// <summary>A valid VCALENDAR without events.</summary>
    EmptyCalendar,
}
