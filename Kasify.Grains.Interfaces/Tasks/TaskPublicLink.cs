namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>What a task's public token points at: the task and its property.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Tasks.TaskPublicLink")]
public sealed record TaskPublicLink(Guid TaskId, Guid PropertyId);
