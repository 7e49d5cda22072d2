using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Activity;

internal sealed class ActivityFeedPageGrain(
    [PersistentState("activityFeedPage", StorageNames.Kasify)] IPersistentState<ActivityFeedPageState> state) : Grain, IActivityFeedPageGrain
{
    public async Task WriteAsync(ImmutableArray<ActivityEntry> entries)
    {
        state.State.Entries = [.. entries];
        await state.SaveAsync(this);
    }

    public Task<ImmutableArray<ActivityEntry>> GetAsync() => Task.FromResult<ImmutableArray<ActivityEntry>>([.. state.State.Entries]);

    public async Task ClearAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearAsync(this);
        }

        state.State = new ActivityFeedPageState();
    }
}
