namespace Kasify.Fakes.Channels;

/// <summary>A feed as listed by the fake.</summary>
/// <param name="Name">The URL-safe name; the feed is served at <c>/feeds/{name}.ics</c>.</param>
/// <param name="Shape">Whose export the feed imitates.</param>
/// <param name="EventCount">How many events the feed holds.</param>
/// <param name="Switches">How the feed answers.</param>
/// <param name="LastModified">When the feed's content (its shape or events) last changed; switches do not count.</param>
/// <param name="RequestCount">How many requests the feed received.</param>
public sealed record ChannelFeedInfo(
    string Name,
    ChannelFeedShape Shape,
    int EventCount,
    ChannelFeedSwitches Switches,
    DateTimeOffset LastModified,
    int RequestCount);
