using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Tasks;

[GenerateSerializer, Alias("Kasify.Grains.Tasks.TaskArchiveState")]
internal sealed class TaskArchiveState
{
    /// <summary>Each archived task's index entry by task id.</summary>
    [Id(0)]
    public Dictionary<Guid, ArchivedTask> Tasks { get; set; } = [];
}
