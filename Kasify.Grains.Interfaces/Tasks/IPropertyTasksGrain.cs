using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Rentals;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>
/// A property's tasks. Key: property id. It keeps the index of the property's tasks (each task grain holds its task),
/// follows the bookings the calendar delivers with their cleaning tasks, and decides every permission from the
/// property's pushed <see cref="Rentals.PropertyAccess"/>: owners and managers see every task; staff see tasks assigned
/// to them in full and others stripped (id, from, to, property); contractors see only tasks assigned to them; a caller
/// without a role, or a contractor asking for someone else's task, gets <c>task.not_found</c>. It never calls the
/// property or the calendar.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Tasks.IPropertyTasksGrain")]
public interface IPropertyTasksGrain : IGrainWithGuidKey
{
    /// <summary>Creates a task by hand (owner or manager); <c>assigned_to</c> must be a member of the property.</summary>
    [Alias("CreateTaskAsync")]
    Task<CrewTaskView> CreateTaskAsync(Guid callerId, NewCrewTask task);

    /// <summary>The task as the caller may see it, or null.</summary>
    [ReadOnly, Alias("GetTaskAsync")]
    Task<CrewTaskView?> GetTaskAsync(Guid callerId, Guid taskId);

    /// <summary>The shared-link view of a task (no caller), or null.</summary>
    [ReadOnly, Alias("GetPublicTaskAsync")]
    Task<CrewTaskView?> GetPublicTaskAsync(Guid taskId);

    /// <summary>Updates a task: the owner every field; managers and the assignee only the job report; others 403.</summary>
    [Alias("UpdateTaskAsync")]
    Task<CrewTaskView> UpdateTaskAsync(Guid callerId, Guid taskId, CrewTaskPatch patch);

    /// <summary>Cancels a task (owner only); it stays listable with <c>include_cancelled</c>.</summary>
    [Alias("CancelTaskAsync")]
    Task<CrewTaskView> CancelTaskAsync(Guid callerId, Guid taskId);

    /// <summary>Starts a pending task (assignee or owner).</summary>
    [Alias("StartTaskAsync")]
    Task<CrewTaskView> StartTaskAsync(Guid callerId, Guid taskId);

    /// <summary>Completes a started task (assignee, manager or owner), with an optional job report.</summary>
    [Alias("CompleteTaskAsync")]
    Task<CrewTaskView> CompleteTaskAsync(Guid callerId, Guid taskId, string? jobReport);

    /// <summary>One page of the property's tasks the caller may see, by start.</summary>
    [ReadOnly, Alias("ListTasksAsync")]
    Task<Page<CrewTaskView>> ListTasksAsync(Guid callerId, TaskQuery query, PageRequest page);

    /// <summary>
    /// For the list across properties: the property's matching tasks if the caller owns it, else only those assigned to
    /// the caller; the total and the first <paramref name="limit"/> by start.
    /// </summary>
    [ReadOnly, Alias("FindTasksAsync")]
    Task<TaskMatches> FindTasksAsync(Guid callerId, TaskQuery query, int limit);

    /// <summary>The calendar events of the tasks the caller may see whose days touch [<paramref name="from"/>, <paramref name="to"/>], cancelled ones left out.</summary>
    [ReadOnly, Alias("GetCalendarEventsAsync")]
    Task<ImmutableArray<CalendarEvent>> GetCalendarEventsAsync(Guid callerId, DateOnly from, DateOnly to);

    /// <summary>The timeline events of the tasks the caller may see that start on <paramref name="today"/> or one of the <paramref name="days"/> - 1 days after.</summary>
    [ReadOnly, Alias("GetTimelineEventsAsync")]
    Task<ImmutableArray<TimelineEvent>> GetTimelineEventsAsync(Guid callerId, DateOnly today, int days);

    /// <summary>Takes a newer version of the property's access snapshot; older ones are ignored.</summary>
    [Alias("ApplyAccessAsync")]
    Task ApplyAccessAsync(PropertyAccess access);

    /// <summary>
    /// Takes booking changes (idempotent by revision): every active booking has a cleaning task from its departure for
    /// three hours or until the next arrival, which moves with the booking, is cancelled with it and reopens with it.
    /// </summary>
    [Alias("ApplyBookingChangesAsync")]
    Task ApplyBookingChangesAsync(ImmutableArray<BookingChange> changes);

    /// <summary>Makes sure the tasks a property stored in its own row before tasks had a grain of their own are taken over.</summary>
    [Alias("EnsureMigratedAsync")]
    Task EnsureMigratedAsync();

    /// <summary>
    /// Moves finished (completed or cancelled) tasks whose window ended long ago to the property's yearly task archives
    /// now instead of at the next daily pass; every read answers as before. Returns how many moved.
    /// </summary>
    [Alias("ArchiveFinishedTasksAsync")]
    Task<int> ArchiveFinishedTasksAsync();

    /// <summary>Erases the property's task archives (the property is being deleted).</summary>
    [Alias("EraseArchivesAsync")]
    Task EraseArchivesAsync();
}
