using System.Collections.Immutable;
using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Tasks;

/// <summary>
/// Which tasks a property moves to its yearly task archives, and which reads need them back; independent of Orleans.
/// The age and the reach test are the booking archive's (<see cref="BookingArchiveRules"/>), on each task's UTC end date.
/// </summary>
internal static class TaskArchiveRules
{
    /// <summary>The UTC date a task's window ends on: its archive year and what the archive age is measured from.</summary>
    public static DateOnly EndDate(PropertyTask task) => DateOnly.FromDateTime(task.To.UtcDateTime);

    /// <summary>Whether a task's window ended before <paramref name="cutoff"/>, whatever its status.</summary>
    public static bool IsDue(PropertyTask task, DateOnly cutoff) => EndDate(task) < cutoff;

    /// <summary>The index entries to move now, with whether each is its booking's automatic cleaning task.</summary>
    public static ImmutableArray<ArchivedTask> Due(PropertyTasksState state, DateOnly cutoff) =>
    [
        .. state.Tasks
            .Where(entry => IsDue(entry.Value, cutoff))
            .Select(entry => Archived(entry.Key, entry.Value, IsBookingTask(state, entry.Key, entry.Value))),
    ];

    /// <summary>
    /// Whether archived tasks can matter to a read about tasks on local days from <paramref name="localFrom"/> on (null:
    /// all). A task's local days end at most one day after its UTC end date, which is on or before the archived-through date.
    /// </summary>
    public static bool Reaches(DateOnly? archivedThrough, DateOnly? localFrom) =>
        BookingArchiveRules.Reaches(archivedThrough, Slack(localFrom));

    /// <summary>
    /// Whether a task query can find archived tasks. Old open tasks are archived too (a cleaning nobody marked done would
    /// otherwise keep the index growing with every stay), so any status can.
    /// </summary>
    public static bool Reaches(DateOnly? archivedThrough, TaskQuery query) => Reaches(archivedThrough, query.ScheduledFrom);

    /// <summary>The archive years that can hold a task on local days from <paramref name="localFrom"/> on (null: all), in order.</summary>
    public static ImmutableArray<int> YearsFrom(IEnumerable<int> years, DateOnly? localFrom) => BookingArchiveRules.YearsFrom(years, Slack(localFrom));

    /// <summary>
    /// The index's own entries followed by the archived ones. A task in both (a move cut short, or a task brought back)
    /// counts once, as the index holds it; one archived in two years counts once.
    /// </summary>
    public static Dictionary<Guid, PropertyTask> Merge(IReadOnlyDictionary<Guid, PropertyTask> live, IEnumerable<ArchivedTask> archived)
    {
        var merged = new Dictionary<Guid, PropertyTask>(live);
        foreach (var task in archived)
        {
            merged.TryAdd(task.TaskId, Entry(task));
        }

        return merged;
    }

    /// <summary>The archive's copy of an index entry.</summary>
    public static ArchivedTask Archived(Guid taskId, PropertyTask task, bool forBooking) =>
        new(taskId, task.TaskType, task.Status, task.AssignedTo, task.From, task.To, task.BookingId, forBooking);

    /// <summary>The index entry of an archived task.</summary>
    public static PropertyTask Entry(ArchivedTask task) => new(task.TaskType, task.Status, task.AssignedTo, task.From, task.To, task.BookingId);

    private static bool IsBookingTask(PropertyTasksState state, Guid taskId, PropertyTask task) =>
        task.BookingId is { } booking && state.BookingTasks.TryGetValue(booking, out var cleaning) && cleaning == taskId;

    private static DateOnly? Slack(DateOnly? localFrom) => localFrom?.AddDays(-1);
}
