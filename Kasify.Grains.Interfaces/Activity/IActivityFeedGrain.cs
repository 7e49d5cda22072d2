using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Activity;

/// <summary>
/// The activity feed of one property, newest first. Key: property id. Other grains append as things happen; the feed
/// calls nobody, so appending from any grain cannot form a call cycle. Who may read it is decided by the caller
/// (the property's members). Its own row holds the newest entries only; older ones are sealed, a page at a time, into
/// <see cref="IActivityFeedPageGrain"/> rows, so an append rewrites a small row whatever the feed holds.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Activity.IActivityFeedGrain")]
public interface IActivityFeedGrain : IGrainWithGuidKey
{
    /// <summary>Most entries a feed keeps; older ones are dropped, a page at a time.</summary>
    const int Capacity = 1000;

    /// <summary>Entries per sealed page; the feed's own row holds fewer than this many.</summary>
    const int PageSize = 100;

    /// <summary>Adds an entry (idempotent by <see cref="ActivityEntry.Id"/>).</summary>
    [Alias("AppendAsync")]
    Task AppendAsync(ActivityEntry entry);

    /// <summary>Up to <paramref name="limit"/> entries, newest first, older than <paramref name="before"/> when given.</summary>
    [ReadOnly, Alias("GetLatestAsync")]
    Task<ImmutableArray<ActivityEntry>> GetLatestAsync(DateTimeOffset? before, int limit);

    /// <summary>
    /// How many entries a reader sees and the newest <paramref name="limit"/> of them; without
    /// <paramref name="withBookingEntries"/>, entries about a booking are left out (readers who may not see bookings).
    /// </summary>
    [ReadOnly, Alias("GetSummaryAsync")]
    Task<ActivityFeedSummary> GetSummaryAsync(bool withBookingEntries, int limit);
}
