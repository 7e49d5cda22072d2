using Kasify.Grains.Interfaces.Activity;

namespace Kasify.Grains.Activity;

[GenerateSerializer, Alias("Kasify.Grains.Activity.ActivityFeedState")]
internal sealed class ActivityFeedState
{
    /// <summary>
    /// The head: the newest entries not sealed into a page yet, newest first, fewer than
    /// <see cref="IActivityFeedGrain.PageSize"/> once appended to. Rows written before pages existed hold the whole
    /// feed here; the first append seals them.
    /// </summary>
    [Id(0)]
    public List<ActivityEntry> Entries { get; set; } = [];

    /// <summary>Sealed pages, newest first.</summary>
    [Id(1)]
    public List<ActivityFeedPageRef> Pages { get; set; } = [];

    /// <summary>The number the next sealed page gets; numbers are never reused.</summary>
    [Id(2)]
    public int NextPage { get; set; }
}
