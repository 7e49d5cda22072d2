using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Activity;

/// <summary>
/// One sealed page of a property's activity feed: entries that left the feed's head, newest first. Key: the property id
/// with the page number as the key extension. Only the property's <see cref="IActivityFeedGrain"/> calls it; it calls
/// nobody.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Activity.IActivityFeedPageGrain")]
public interface IActivityFeedPageGrain : IGrainWithGuidCompoundKey
{
    /// <summary>Stores the page's entries, replacing what it held (writing the same page again is harmless).</summary>
    [Alias("WriteAsync")]
    Task WriteAsync(ImmutableArray<ActivityEntry> entries);

    /// <summary>The page's entries, newest first.</summary>
    [ReadOnly, Alias("GetAsync")]
    Task<ImmutableArray<ActivityEntry>> GetAsync();

    /// <summary>Deletes the page's row: the feed dropped it.</summary>
    [Alias("ClearAsync")]
    Task ClearAsync();
}
