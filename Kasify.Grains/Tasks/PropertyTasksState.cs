using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Tasks;

[GenerateSerializer, Alias("Kasify.Grains.Tasks.PropertyTasksState")]
internal sealed class PropertyTasksState
{
    /// <summary>The property's tasks by task id: the index lists and permissions are decided from; each task grain holds the task.</summary>
    [Id(0)]
    public Dictionary<Guid, PropertyTask> Tasks { get; set; } = [];

    /// <summary>Each booking's automatic cleaning task, by booking id.</summary>
    [Id(1)]
    public Dictionary<Guid, Guid> BookingTasks { get; set; } = [];

    /// <summary>The latest change of each booking not long departed: cleaning windows and the next stay are decided from them.</summary>
    [Id(2)]
    public Dictionary<Guid, BookingChange> Bookings { get; set; } = [];

    /// <summary>The outbox: task events not yet in the property's activity feed.</summary>
    [Id(3)]
    public List<ActivityEntry> PendingFeed { get; set; } = [];
}
