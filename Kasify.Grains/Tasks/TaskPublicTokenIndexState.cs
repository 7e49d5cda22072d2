using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Tasks;

[GenerateSerializer, Alias("Kasify.Grains.Tasks.TaskPublicTokenIndexState")]
internal sealed class TaskPublicTokenIndexState
{
    [Id(0)]
    public TaskPublicLink Link { get; set; } = null!;
}
