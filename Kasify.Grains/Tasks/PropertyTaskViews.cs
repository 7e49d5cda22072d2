using System.Globalization;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Tasks;

/// <summary>
/// The Orleans-free queries over a property's task index: which tasks a caller finds, the calendar and timeline events
/// they see, and the texts that name tasks and people. Every query leaves out the tasks the caller's role hides.
/// </summary>
internal static class PropertyTaskViews
{
    /// <summary>
    /// The ids of the tasks the caller may see that match the query, by start then id. With
    /// <paramref name="onlyOwnedOrAssigned"/>, a non-owner finds only the tasks assigned to them.
    /// </summary>
    public static IEnumerable<Guid> Find(
        IReadOnlyDictionary<Guid, PropertyTask> tasks, Guid callerId, AccessLevel role, TaskQuery query, TimeZoneInfo zone, bool onlyOwnedOrAssigned) =>
        tasks
            .Where(entry => !onlyOwnedOrAssigned || role == AccessLevel.Owner || entry.Value.AssignedTo == callerId)
            .Where(entry => TaskAccess.ScopeFor(role, entry.Value.AssignedTo == callerId) is not null)
            .Where(entry => Matches(entry.Value, query, zone))
            .OrderBy(entry => entry.Value.From)
            .ThenBy(entry => entry.Key)
            .Select(entry => entry.Key);

    /// <summary>Whether the task passes the query's filters; its scheduled day is the local day it starts on.</summary>
    public static bool Matches(PropertyTask task, TaskQuery query, TimeZoneInfo zone)
    {
        var day = LocalDate(task.From, zone);
        return (query.IncludeCancelled || query.Status == CrewTaskStatus.Cancelled || task.Status != CrewTaskStatus.Cancelled)
            && (query.Status is null || task.Status == query.Status)
            && (query.TaskType is null || task.TaskType == query.TaskType)
            && (query.AssignedTo is null || task.AssignedTo == query.AssignedTo)
            && (query.ScheduledFrom is null || day >= query.ScheduledFrom)
            && (query.ScheduledTo is null || day <= query.ScheduledTo);
    }

    /// <summary>Task events of a calendar window: tasks the role may see, cancelled ones left out.</summary>
    public static IEnumerable<CalendarEvent> CalendarEvents(
        IReadOnlyDictionary<Guid, PropertyTask> tasks, Guid propertyId, Guid callerId, AccessLevel role, TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        foreach (var (id, task) in VisibleActive(tasks, callerId, role))
        {
            var first = LocalDate(task.From, zone);
            var last = LocalDate(task.To, zone);
            if (first <= to && last >= from)
            {
                yield return new CalendarEvent(
                    CalendarEventType.Task, propertyId, null, id, first, last, task.From, task.To, Title(task), null, null, null, null);
            }
        }
    }

    /// <summary>Task events of the upcoming timeline: tasks the role may see starting on one of the days.</summary>
    public static IEnumerable<TimelineEvent> TimelineEvents(
        IReadOnlyDictionary<Guid, PropertyTask> tasks, Guid propertyId, string propertyName, Guid callerId, AccessLevel role, TimeZoneInfo zone,
        DateOnly today, int days)
    {
        var last = today.AddDays(days - 1);
        foreach (var (id, task) in VisibleActive(tasks, callerId, role))
        {
            var day = LocalDate(task.From, zone);
            if (day >= today && day <= last)
            {
                yield return new TimelineEvent(day, TimelineEventType.Task, task.From, propertyId, propertyName, null, id, null, null, null);
            }
        }
    }

    /// <summary>A user's name as tasks show it: first and last name, else the email; null for an unknown user.</summary>
    public static string? DisplayName(UserDto? user)
    {
        if (user is null)
        {
            return null;
        }

        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return name.Length > 0 ? name : user.Email;
    }

    /// <summary>The feed text of a task started or completed, with its local start.</summary>
    public static string ActivitySummary(ActivityKind kind, CrewTaskDto task, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(task.From, zone);
        var type = task.TaskType.ToString().ToLowerInvariant();
        var verb = kind == ActivityKind.TaskStarted ? "started" : "completed";
        return $"Task {type} of {local.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} {verb}";
    }

    private static IEnumerable<KeyValuePair<Guid, PropertyTask>> VisibleActive(IReadOnlyDictionary<Guid, PropertyTask> tasks, Guid callerId, AccessLevel role) =>
        tasks.Where(entry => entry.Value.Status != CrewTaskStatus.Cancelled
            && TaskAccess.ScopeFor(role, entry.Value.AssignedTo == callerId) is not null);

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static string Title(PropertyTask task) => $"Task: {task.TaskType.ToString().ToLowerInvariant()}";
}
