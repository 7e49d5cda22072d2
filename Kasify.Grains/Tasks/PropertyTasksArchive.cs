using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Tasks;

/// <summary>
/// A property tasks grain's side of its yearly task archives: moving old tasks out of the index, reading them
/// back for the reads that reach them, bringing one back to change it, and erasing them. What to move and when to read
/// is decided by <see cref="TaskArchiveRules"/>; the grain writes its own state through the save it passes in. The
/// order mirrors the booking calendar's archive: record leftovers and years, save; add to the archive; remove from the
/// index and save.
/// </summary>
internal sealed class PropertyTasksArchive(PropertyTasksState state, IGrainFactory grains, Guid propertyId)
{
    /// <summary>The index entries a read about tasks on local days from <paramref name="localFrom"/> on (null: all) needs.</summary>
    public Task<IReadOnlyDictionary<Guid, PropertyTask>> TasksFromAsync(DateOnly? localFrom) =>
        TaskArchiveRules.Reaches(state.ArchivedThrough, localFrom) ? MergedAsync(localFrom) : Task.FromResult<IReadOnlyDictionary<Guid, PropertyTask>>(state.Tasks);

    /// <summary>The index entries a task query needs: the index's own, and the archived ones when the query can find them.</summary>
    public Task<IReadOnlyDictionary<Guid, PropertyTask>> TasksForAsync(TaskQuery query) =>
        TaskArchiveRules.Reaches(state.ArchivedThrough, query) ? MergedAsync(query.ScheduledFrom) : Task.FromResult<IReadOnlyDictionary<Guid, PropertyTask>>(state.Tasks);

    /// <summary>A task's index entry, from the index or else from an archive; null for a task the property does not have.</summary>
    public async Task<PropertyTask?> FindAsync(Guid taskId)
    {
        if (state.Tasks.TryGetValue(taskId, out var entry))
        {
            return entry;
        }

        var found = await FindArchivedAsync(archive => archive.GetAsync([taskId]));
        return found.Count == 0 ? null : TaskArchiveRules.Entry(found[0].Task);
    }

    /// <summary>
    /// Puts an archived task's entry back into the index and saves it, then drops the archived copy; a crash between
    /// leaves a copy that readers ignore and the next pass removes. Nothing for a task the index holds.
    /// </summary>
    public async Task BringBackAsync(Guid taskId, Func<Task> saveAsync)
    {
        if (!state.Tasks.ContainsKey(taskId))
        {
            await BringBackAsync(await FindArchivedAsync(archive => archive.GetAsync([taskId])), saveAsync);
        }
    }

    /// <summary>Brings back the archived cleaning tasks of the given bookings the index has no cleaning task for.</summary>
    public async Task BringBackCleaningsAsync(IEnumerable<Guid> bookingIds, Func<Task> saveAsync)
    {
        ImmutableArray<Guid> missing = [.. bookingIds.Where(id => !state.BookingTasks.ContainsKey(id)).Distinct()];
        if (!missing.IsEmpty)
        {
            await BringBackAsync(await FindArchivedAsync(archive => archive.GetForBookingsAsync(missing)), saveAsync);
        }
    }

    /// <summary>
    /// One archive pass: drops leftover archived copies of tasks the index holds, then moves the tasks that
    /// ended before <paramref name="cutoff"/> to the archive of their end year. Returns how many moved.
    /// </summary>
    public async Task<int> MoveAsync(DateOnly cutoff, Func<Task> saveAsync)
    {
        var hadLeftovers = await RemoveLeftoversAsync();
        var due = TaskArchiveRules.Due(state, cutoff);
        if (due.IsEmpty)
        {
            if (hadLeftovers)
            {
                await saveAsync();
            }

            return 0;
        }

        // Recorded before any archive hears of them: reads know every archive that may hold a task, and a pass cut short
        // is finished by the next one removing these copies before moving anything.
        foreach (var task in due)
        {
            state.ArchiveLeftovers[task.TaskId] = Year(task);
        }

        state.ArchiveYears.UnionWith(due.Select(Year));
        await saveAsync();
        foreach (var year in due.GroupBy(Year))
        {
            await Archive(year.Key).AddAsync([.. year]);
        }

        foreach (var task in due)
        {
            state.Tasks.Remove(task.TaskId);
            if (task.ForBooking && task.BookingId is { } booking)
            {
                state.BookingTasks.Remove(booking);
            }

            state.ArchiveLeftovers.Remove(task.TaskId);
        }

        var latest = due.Max(task => DateOnly.FromDateTime(task.To.UtcDateTime));
        state.ArchivedThrough = state.ArchivedThrough is { } through && through > latest ? through : latest;
        await saveAsync();
        return due.Length;
    }

    /// <summary>Erases the archives and forgets them; the caller saves.</summary>
    public async Task EraseAsync()
    {
        foreach (var year in state.ArchiveYears.Order())
        {
            await Archive(year).EraseAsync();
        }

        state.ArchiveYears.Clear();
        state.ArchiveLeftovers.Clear();
        state.ArchivedThrough = null;
    }

    private async Task<IReadOnlyDictionary<Guid, PropertyTask>> MergedAsync(DateOnly? localFrom)
    {
        var archived = await Task.WhenAll(TaskArchiveRules.YearsFrom(state.ArchiveYears, localFrom).Select(year => Archive(year).GetAllAsync()));
        return TaskArchiveRules.Merge(state.Tasks, archived.SelectMany(tasks => tasks));
    }

    private async Task BringBackAsync(IReadOnlyList<(int Year, ArchivedTask Task)> found, Func<Task> saveAsync)
    {
        if (found.Count == 0)
        {
            return;
        }

        foreach (var (year, task) in found)
        {
            state.Tasks.TryAdd(task.TaskId, TaskArchiveRules.Entry(task));
            if (task.ForBooking && task.BookingId is { } booking)
            {
                state.BookingTasks.TryAdd(booking, task.TaskId);
            }

            state.ArchiveLeftovers[task.TaskId] = year;
        }

        await saveAsync();
        await RemoveLeftoversAsync();
    }

    // Forgets the leftovers in memory only: the caller's next save records it, and removing again is harmless.
    private async Task<bool> RemoveLeftoversAsync()
    {
        if (state.ArchiveLeftovers.Count == 0)
        {
            return false;
        }

        foreach (var year in state.ArchiveLeftovers.GroupBy(entry => entry.Value, entry => entry.Key).ToList())
        {
            await Archive(year.Key).RemoveAsync([.. year]);
            foreach (var taskId in year)
            {
                state.ArchiveLeftovers.Remove(taskId);
            }
        }

        return true;
    }

    private async Task<IReadOnlyList<(int Year, ArchivedTask Task)>> FindArchivedAsync(Func<ITaskArchiveGrain, Task<ImmutableArray<ArchivedTask>>> read)
    {
        if (state.ArchiveYears.Count == 0)
        {
            return [];
        }

        var found = await Task.WhenAll(state.ArchiveYears.Order().Select(async year => (Year: year, Tasks: await read(Archive(year)))));
        return [.. found.SelectMany(entry => entry.Tasks.Select(task => (entry.Year, task)))];
    }

    private static int Year(ArchivedTask task) => task.To.UtcDateTime.Year;

    private ITaskArchiveGrain Archive(int year) => TaskArchiveKeys.For(grains, propertyId, year);
}
