using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Tasks;

/// <summary>A property's index entry for one of its tasks: what lists filter and sort on, and who may see it.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Tasks.PropertyTask")]
internal sealed record PropertyTask(
    [property: Id(0)] CrewService TaskType,
    [property: Id(1)] CrewTaskStatus Status,
    [property: Id(2)] Guid? AssignedTo,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset To,
    [property: Id(5)] Guid? BookingId)
{
    /// <summary>The index entry of a task.</summary>
    public static PropertyTask Of(CrewTaskDto task) => new(task.TaskType, task.Status, task.AssignedTo, task.From, task.To, task.BookingId);
}
