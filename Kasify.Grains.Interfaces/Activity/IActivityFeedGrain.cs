using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Activity;

/// <summary>
/// The activity feed of one property, newest first. Key: property id. Other grains append as things happen; the feed
/// calls nobody, so appending from any grain cannot form a call cycle. Who may read it is decided by the caller
/// (the property's members).
/// </summary>
[Alias("Kasify.Grains.Interfaces.Activity.IActivityFeedGrain")]
public interface IActivityFeedGrain : IGrainWithGuidKey
{
    /// <summary>Most entries a feed keeps; older ones are dropped.</summary>
    const int Capacity = 1000;

    /// <summary>Adds an entry (idempotent by <see cref="ActivityEntry.Id"/>).</summary>
    [Alias("AppendAsync")]
    Task AppendAsync(ActivityEntry entry);

    /// <summary>Up to <paramref name="limit"/> entries, newest first, older than <paramref name="before"/> when given.</summary>
    [Alias("GetLatestAsync")]
    Task<ImmutableArray<ActivityEntry>> GetLatestAsync(DateTimeOffset? before, int limit);
}
