using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Tasks;

/// <summary>What each role on a property may see and do with its tasks; independent of Orleans.</summary>
internal static class TaskAccess
{
    /// <summary>
    /// How much of a task the caller sees, or null when the task is hidden: owners see all of it, managers all but the
    /// owner-only fields, staff and contractors their own tasks like managers; staff see others' tasks stripped, contractors not at all.
    /// </summary>
    public static TaskViewScope? ScopeFor(AccessLevel role, bool assignedToCaller) => role switch
    {
        AccessLevel.Owner => TaskViewScope.Owner,
        AccessLevel.Manager => TaskViewScope.Crew,
        _ when assignedToCaller => TaskViewScope.Crew,
        AccessLevel.Staff => TaskViewScope.Stripped,
        _ => null,
    };

    /// <summary>Owners and managers create tasks.</summary>
    public static bool CanCreate(AccessLevel role) => role is AccessLevel.Owner or AccessLevel.Manager;

    /// <summary>The assignee or an owner starts a task.</summary>
    public static bool CanStart(AccessLevel role, bool assignedToCaller) => assignedToCaller || role == AccessLevel.Owner;

    /// <summary>The assignee, a manager or an owner completes a task.</summary>
    public static bool CanComplete(AccessLevel role, bool assignedToCaller) => assignedToCaller || role is AccessLevel.Owner or AccessLevel.Manager;

    /// <summary>Managers and the assignee may change the job report; only owners change anything else.</summary>
    public static bool CanUpdate(AccessLevel role, bool assignedToCaller, CrewTaskPatch patch) =>
        role == AccessLevel.Owner || ((role == AccessLevel.Manager || assignedToCaller) && !patch.ChangesMoreThanJobReport);

    /// <summary>
    /// The task with what the scope may not show cleared: owner-only fields for every scope but the owner's, and all but
    /// id, from, to and the property for a stripped view.
    /// </summary>
    public static CrewTaskDto Redact(CrewTaskDto task, TaskViewScope scope) => scope switch
    {
        TaskViewScope.Owner => task,
        TaskViewScope.Stripped => task with
        {
            AssignedTo = null,
            BookingId = null,
            Notes = null,
            JobReport = null,
            StartedAt = null,
            CompletedAt = null,
            CreatedAt = default,
            CancelledAt = null,
            PublicToken = "",
        },
        _ => task with { BookingId = null, CreatedAt = default, CancelledAt = null },
    };
}
