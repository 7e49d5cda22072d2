namespace Kasify.Grains.Channels;

/// <summary>Whether a channel event is a guest stay or a closure of the property.</summary>
public enum ChannelEventKind
{
    Stay,
    Closure,
}
