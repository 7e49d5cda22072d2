namespace Kasify.Grains.Interfaces.Channels;

/// <summary>How a calendar's events are read. Wire values: auto, stays, closures.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Channels.ChannelEventReading")]
public enum ChannelEventReading
{
    /// <summary>By the channel's own labels.</summary>
    Auto = 0,

    /// <summary>Every event is a stay.</summary>
    Stays = 1,

    /// <summary>Every event is a closure (blocked dates).</summary>
    Closures = 2,
}
