using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Activity;

/// <summary>
/// A property's activity feed. New entries go to the head (this grain's row); when the head holds a page's worth, the
/// oldest of them are sealed into a page grain and the head keeps their ids, dates and counts only. So an append
/// rewrites a row of at most a page of entries plus the ids of the rest, instead of the whole feed.
/// </summary>
internal sealed class ActivityFeedGrain(
    [PersistentState("activityFeed", StorageNames.Kasify)] IPersistentState<ActivityFeedState> state,
    IGrainFactory grains) : Grain, IActivityFeedGrain
{
    private const int PageSize = IActivityFeedGrain.PageSize;

    private Guid PropertyId => this.GetPrimaryKey();

    public async Task AppendAsync(ActivityEntry entry)
    {
        var head = state.State.Entries;
        if (head.Exists(existing => existing.Id == entry.Id) || state.State.Pages.Exists(page => page.Ids.Contains(entry.Id)))
        {
            return;
        }

        // Writers may deliver slightly out of order; the head stays sorted newest first, and reads merge head and
        // pages by time, so an entry older than a sealed page still reads in its place.
        var index = head.FindIndex(existing => existing.OccurredAt <= entry.OccurredAt);
        head.Insert(index < 0 ? head.Count : index, entry);
        while (head.Count >= PageSize)
        {
            await SealOldestAsync();
        }

        await DropBeyondCapacityAsync();
        await state.SaveAsync(this);
    }

    public async Task<ImmutableArray<ActivityEntry>> GetLatestAsync(DateTimeOffset? before, int limit) =>
        await ReadAsync(entry => before is null || entry.OccurredAt < before, page => before is null || page.Oldest < before, limit);

    public async Task<ActivityFeedSummary> GetSummaryAsync(bool withBookingEntries, int limit)
    {
        var total = withBookingEntries
            ? state.State.Entries.Count + state.State.Pages.Sum(page => page.Ids.Count)
            : state.State.Entries.Count(entry => entry.BookingId is null) + state.State.Pages.Sum(page => page.WithoutBooking);
        var latest = await ReadAsync(
            entry => withBookingEntries || entry.BookingId is null, page => withBookingEntries || page.WithoutBooking > 0, limit);
        return new ActivityFeedSummary(total, latest);
    }

    // The newest `limit` entries that pass the filter: the head's, then pages newest first until no page left could
    // hold an entry newer than the ones found (a late entry may have made the head older than a page).
    private async Task<ImmutableArray<ActivityEntry>> ReadAsync(Func<ActivityEntry, bool> wanted, Func<ActivityFeedPageRef, bool> worthReading, int limit)
    {
        limit = Math.Clamp(limit, 0, IActivityFeedGrain.Capacity);
        if (limit == 0)
        {
            return [];
        }

        var found = state.State.Entries.Where(wanted).ToList();
        foreach (var page in state.State.Pages)
        {
            if (found.Count >= limit && found.OrderByDescending(entry => entry.OccurredAt).ElementAt(limit - 1).OccurredAt > page.Newest)
            {
                break;
            }

            if (worthReading(page))
            {
                found.AddRange((await Page(page.Number).GetAsync()).Where(wanted));
            }
        }

        // A stable sort: entries of the same instant keep the head's order (the later append first).
        return [.. found.OrderByDescending(entry => entry.OccurredAt).Take(limit)];
    }

    // The page is written before the head forgets its entries: a crash in between leaves them in the head, and the
    // next append writes the same page number again.
    private async Task SealOldestAsync()
    {
        var head = state.State.Entries;
        var sealedEntries = head.GetRange(head.Count - PageSize, PageSize);
        var number = state.State.NextPage;
        await Page(number).WriteAsync([.. sealedEntries]);
        head.RemoveRange(head.Count - PageSize, PageSize);
        state.State.Pages.Insert(0, new ActivityFeedPageRef(
            number,
            sealedEntries.Max(entry => entry.OccurredAt),
            sealedEntries.Min(entry => entry.OccurredAt),
            sealedEntries.Count(entry => entry.BookingId is null),
            [.. sealedEntries.Select(entry => entry.Id)]));
        state.State.NextPage = number + 1;
    }

    // Whole pages go, oldest first, once the feed holds more than its capacity. The page's row is deleted before the
    // head forgets it, so a crash leaves a reference to an empty page (read as empty, dropped again), never a row
    // nobody knows of.
    private async Task DropBeyondCapacityAsync()
    {
        var pages = state.State.Pages;
        while (pages.Count > 0 && state.State.Entries.Count + pages.Sum(page => page.Ids.Count) > IActivityFeedGrain.Capacity)
        {
            await Page(pages[^1].Number).ClearAsync();
            pages.RemoveAt(pages.Count - 1);
        }
    }

    private IActivityFeedPageGrain Page(int number) => grains.GetGrain<IActivityFeedPageGrain>(PropertyId, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
