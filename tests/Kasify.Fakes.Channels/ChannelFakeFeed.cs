namespace Kasify.Fakes.Channels;

/// <summary>A feed of the fake. Mutable; always accessed under the <see cref="ChannelFakeState"/> lock.</summary>
internal sealed class ChannelFakeFeed(string name, ChannelFeedShape shape, DateTimeOffset lastModified, ChannelFeedSwitches switches)
{
    public string Name { get; } = name;
    public ChannelFeedShape Shape { get; set; } = shape;
    public List<ChannelFakeEvent> Events { get; } = [];
    public ChannelFeedSwitches Switches { get; set; } = switches;
    public DateTimeOffset LastModified { get; set; } = lastModified;
    public List<ChannelFeedRequest> Requests { get; } = [];
    public int RequestCount { get; set; }

    /// <summary>The rendered body, dropped on every content change so ETag and DTSTAMP stay stable between changes.</summary>
    public string? Body { get; set; }
}
