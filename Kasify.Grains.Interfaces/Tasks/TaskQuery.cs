using Kasify.Grains.Interfaces.Crew;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>
/// Filters of the task lists. Dates are the day a task starts, in its property's time zone, both ends included.
/// Cancelled tasks are left out unless <see cref="IncludeCancelled"/> (or <see cref="Status"/> is cancelled).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Tasks.TaskQuery")]
public sealed record TaskQuery(
    Guid? AssignedTo,
    CrewTaskStatus? Status,
    CrewService? TaskType,
    DateOnly? ScheduledFrom,
    DateOnly? ScheduledTo,
    bool IncludeCancelled)
{
    /// <summary>No filter: every task that is not cancelled.</summary>
    public static TaskQuery All { get; } = new(null, null, null, null, null, false);
}
