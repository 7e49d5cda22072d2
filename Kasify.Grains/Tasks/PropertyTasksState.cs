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

    /// <summary>The years whose task archive may hold this property's tasks; recorded before a task moves there.</summary>
    [Id(4)]
    public HashSet<int> ArchiveYears { get; set; } = [];

    /// <summary>
    /// Tasks the index holds whose archived copy (in the archive of the given year) may still exist: a move cut short or
    /// a task brought back. The next pass removes those copies; readers ignore them meanwhile.
    /// </summary>
    [Id(5)]
    public Dictionary<Guid, int> ArchiveLeftovers { get; set; } = [];

    /// <summary>The latest UTC end date of any archived task; null while nothing was archived.</summary>
    [Id(6)]
    public DateOnly? ArchivedThrough { get; set; }
}
