namespace Kasify.Grains.Channels;

/// <summary>How the events of one feed are read: by the channel's own labels, or forced by the owner.</summary>
public enum FeedEventReading
{
    /// <summary>Use the channel's labelling rules.</summary>
    Auto,

    /// <summary>Every event of the feed is a guest stay.</summary>
    Stays,

    /// <summary>Every event of the feed is a closure (the property is unavailable, no guest).</summary>
    Closures,
}
