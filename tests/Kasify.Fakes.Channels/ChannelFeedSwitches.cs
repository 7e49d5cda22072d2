namespace Kasify.Fakes.Channels;

/// <summary>The switches of one feed.</summary>
/// <param name="Mode">How the feed answers.</param>
/// <param name="DelayMs">How long a <see cref="ChannelFeedMode.Slow"/> feed waits before answering.</param>
/// <param name="IgnoreConditional">Always answer 200, never 304, as channels that ignore validators do.</param>
public sealed record ChannelFeedSwitches(ChannelFeedMode Mode = ChannelFeedMode.Normal, int DelayMs = 0, bool IgnoreConditional = false)
{
    /// <summary>A feed that answers normally.</summary>
    public static readonly ChannelFeedSwitches Normal = new();
}
