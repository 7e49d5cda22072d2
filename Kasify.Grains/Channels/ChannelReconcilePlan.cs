namespace Kasify.Grains.Channels;

/// <summary>What to do after one fetch of a feed. Every list is ordered by arrival, then UID.</summary>
/// <param name="Create">New UIDs that are not echoes of Kasify's own export.</param>
/// <param name="Move">Known UIDs whose dates, kind, reservation code or notes changed.</param>
/// <param name="Cancel">Known UIDs absent from this fetch and the previous one.</param>
/// <param name="Missing">Known UIDs absent for the first time: kept, returned with MissedFetches = 1.</param>
/// <param name="Unchanged">Known UIDs present and identical (MissedFetches reset to 0), or everything when the fetch is not trusted.</param>
/// <param name="Echoes">New UIDs whose dates equal a stay Kasify holds from elsewhere: the channel repeating our export.</param>
public sealed record ChannelReconcilePlan(
    IReadOnlyList<ChannelEvent> Create,
    IReadOnlyList<ChannelEventMove> Move,
    IReadOnlyList<KnownChannelEvent> Cancel,
    IReadOnlyList<KnownChannelEvent> Missing,
    IReadOnlyList<KnownChannelEvent> Unchanged,
    IReadOnlyList<ChannelEvent> Echoes);
