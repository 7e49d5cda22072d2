namespace Kasify.Fakes.Channels;

/// <summary>What an event of a channel feed stands for.</summary>
public enum ChannelEventKind
{
    /// <summary>A guest reservation.</summary>
    Stay,

    /// <summary>Dates the host closed (or the channel blocked) without a guest.</summary>
    Closure,
}
