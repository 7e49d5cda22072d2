namespace Kasify.Fakes.Channels;

/// <summary>What a feed serves right now: its normal calendar text, and what the switches make of it.</summary>
/// <param name="Body">The normal calendar (CRLF lines, folded).</param>
/// <param name="Shape">The feed's shape, for writing variants of the body.</param>
/// <param name="LastModified">When the content last changed, to the second (HTTP dates carry no fraction).</param>
/// <param name="Switches">How the feed answers.</param>
public sealed record ChannelFeedContent(string Body, ChannelFeedShape Shape, DateTimeOffset LastModified, ChannelFeedSwitches Switches);
