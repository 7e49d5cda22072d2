namespace Kasify.Grains.Channels;

/// <summary>A known feed event whose dates, kind, reservation code or notes changed.</summary>
public sealed record ChannelEventMove(KnownChannelEvent Known, ChannelEvent Now);
