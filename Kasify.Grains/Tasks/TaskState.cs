using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Tasks;

[GenerateSerializer, Alias("Kasify.Grains.Tasks.TaskState")]
internal sealed class TaskState
{
    [Id(0)]
    public CrewTaskDto Task { get; set; } = null!;

    /// <summary>
    /// Set when the booking's cancellation cancelled the task, so that reinstating the booking reopens it; a task the
    /// owner cancelled by hand stays cancelled whatever happens to the booking.
    /// </summary>
    [Id(1)]
    public bool CancelledWithBooking { get; set; }
}
