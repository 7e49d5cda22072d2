using Kasify.Grains.Interfaces.Common;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>
/// The task side of a property (the same grain as <c>IPropertyGrain</c>). Key: property id. The property keeps its tasks'
/// index and decides every permission: owners and managers see every task; staff see tasks assigned to them in full and
/// others stripped (id, from, to, property); contractors see only tasks assigned to them; a caller without a role, or a
/// contractor asking for someone else's task, gets <c>task.not_found</c>.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Tasks.IPropertyTasksGrain")]
public interface IPropertyTasksGrain : IGrainWithGuidKey
{
    /// <summary>Creates a task by hand (owner or manager); <c>assigned_to</c> must be a member of the property.</summary>
    [Alias("CreateTaskAsync")]
    Task<CrewTaskView> CreateTaskAsync(Guid callerId, NewCrewTask task);

    /// <summary>The task as the caller may see it, or null.</summary>
    [Alias("GetTaskAsync")]
    Task<CrewTaskView?> GetTaskAsync(Guid callerId, Guid taskId);

    /// <summary>The shared-link view of a task (no caller), or null.</summary>
    [Alias("GetPublicTaskAsync")]
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
    [Alias("ListTasksAsync")]
    Task<Page<CrewTaskView>> ListTasksAsync(Guid callerId, TaskQuery query, PageRequest page);

    /// <summary>
    /// For the list across properties: the property's matching tasks if the caller owns it, else only those assigned to
    /// the caller; the total and the first <paramref name="limit"/> by start.
    /// </summary>
    [Alias("FindTasksAsync")]
    Task<TaskMatches> FindTasksAsync(Guid callerId, TaskQuery query, int limit);
}
