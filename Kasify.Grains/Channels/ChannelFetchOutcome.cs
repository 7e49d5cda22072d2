namespace Kasify.Grains.Channels;

/// <summary>How a feed fetch ended.</summary>
public enum ChannelFetchOutcome
{
    /// <summary>The feed answered 200: the text is the calendar as served now.</summary>
    Fetched,

    /// <summary>The feed answered 304: nothing changed since the validators sent.</summary>
    NotModified,

    /// <summary>No calendar: see the problem code.</summary>
    Failed,
}
