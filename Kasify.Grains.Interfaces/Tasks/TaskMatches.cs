using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>For lists across properties: how many tasks match at one property and the first of them, by start.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Tasks.TaskMatches")]
public sealed record TaskMatches(int Total, ImmutableArray<CrewTaskView> First);
