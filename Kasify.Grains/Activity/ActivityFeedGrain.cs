using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Activity;

internal sealed class ActivityFeedGrain(
    [PersistentState("activityFeed", StorageNames.Kasify)] IPersistentState<ActivityFeedState> state) : Grain, IActivityFeedGrain
{
    public async Task AppendAsync(ActivityEntry entry)
    {
        var entries = state.State.Entries;
        if (entries.Exists(existing => existing.Id == entry.Id))
        {
            return;
        }

        // Writers may deliver slightly out of order; keep the list sorted newest first.
        var index = entries.FindIndex(existing => existing.OccurredAt <= entry.OccurredAt);
        entries.Insert(index < 0 ? entries.Count : index, entry);
        if (entries.Count > IActivityFeedGrain.Capacity)
        {
            entries.RemoveRange(IActivityFeedGrain.Capacity, entries.Count - IActivityFeedGrain.Capacity);
        }

        await state.SaveAsync(this);
    }

    public Task<ImmutableArray<ActivityEntry>> GetLatestAsync(DateTimeOffset? before, int limit) =>
        Task.FromResult<ImmutableArray<ActivityEntry>>(
            [.. state.State.Entries.Where(entry => before is null || entry.OccurredAt < before).Take(Math.Clamp(limit, 0, IActivityFeedGrain.Capacity))]);
}
