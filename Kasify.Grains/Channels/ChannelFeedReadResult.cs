namespace Kasify.Grains.Channels;

/// <summary>
/// What a feed's text held. Usable=false means the last good feed stays in force and nothing is cancelled;
/// ProblemCode is then a stable snake-case code ("feed.empty_body", "feed.not_calendar", "feed.truncated",
/// "feed.unparsable", "feed.too_many_events"). A well-formed calendar without events is usable and IsEmptyCalendar.
/// </summary>
public sealed record ChannelFeedReadResult(
    bool Usable,
    string? ProblemCode,
    string? ProblemText,
    IReadOnlyList<ChannelEvent> Events,
    bool IsEmptyCalendar)
{
    public const string EmptyBody = "feed.empty_body";
    public const string NotCalendar = "feed.not_calendar";
    public const string Truncated = "feed.truncated";
    public const string Unparsable = "feed.unparsable";
    public const string TooManyEvents = "feed.too_many_events";

    /// <summary>
    /// The property's date when the feed was read. Channels drop stays from their export some time after checkout,
    /// so the reconciler never cancels a known event that had already ended by then.
    /// </summary>
    public DateOnly? ReadOn { get; init; }

    public static ChannelFeedReadResult Problem(string code, string text) => new(false, code, text, [], false);

    public static ChannelFeedReadResult Read(IReadOnlyList<ChannelEvent> events, bool isEmptyCalendar) =>
        new(true, null, null, events, isEmptyCalendar);
}
