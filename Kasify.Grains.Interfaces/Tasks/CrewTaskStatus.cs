namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>Where a task is in its lifecycle. Wire values: pending, in_progress, completed, cancelled.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Tasks.CrewTaskStatus")]
public enum CrewTaskStatus
{
    /// <summary>Scheduled, not started.</summary>
    Pending = 0,

    /// <summary>Started by the assignee or the owner.</summary>
    InProgress = 1,

    /// <summary>Done.</summary>
    Completed = 2,

    /// <summary>Called off; kept so lists can still show it.</summary>
    Cancelled = 3,
}
