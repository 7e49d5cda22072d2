using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Tasks;

internal sealed class TaskArchiveGrain(
    [PersistentState("taskArchive", StorageNames.Kasify)] IPersistentState<TaskArchiveState> state) : Grain, ITaskArchiveGrain
{
    public async Task AddAsync(ImmutableArray<ArchivedTask> tasks)
    {
        var changed = false;
        foreach (var task in tasks)
        {
            if (!state.State.Tasks.TryGetValue(task.TaskId, out var held) || held != task)
            {
                state.State.Tasks[task.TaskId] = task;
                changed = true;
            }
        }

        if (changed)
        {
            await state.SaveAsync(this);
        }
    }

    public Task<ImmutableArray<ArchivedTask>> GetAllAsync() => Task.FromResult<ImmutableArray<ArchivedTask>>([.. state.State.Tasks.Values]);

    public Task<ImmutableArray<ArchivedTask>> GetAsync(ImmutableArray<Guid> taskIds) =>
        Task.FromResult<ImmutableArray<ArchivedTask>>([.. taskIds.Where(state.State.Tasks.ContainsKey).Select(id => state.State.Tasks[id])]);

    public Task<ImmutableArray<ArchivedTask>> GetForBookingsAsync(ImmutableArray<Guid> bookingIds)
    {
        var wanted = bookingIds.ToHashSet();
        return Task.FromResult<ImmutableArray<ArchivedTask>>(
            [.. state.State.Tasks.Values.Where(task => task.ForBooking && task.BookingId is { } booking && wanted.Contains(booking))]);
    }

    public async Task RemoveAsync(ImmutableArray<Guid> taskIds)
    {
        var removed = false;
        foreach (var taskId in taskIds)
        {
            removed |= state.State.Tasks.Remove(taskId);
        }

        if (removed)
        {
            await state.SaveAsync(this);
        }
    }

    public async Task EraseAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearAsync(this);
        }

        state.State = new TaskArchiveState();
        DeactivateOnIdle();
    }
}
