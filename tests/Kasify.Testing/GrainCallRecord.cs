namespace Kasify.Testing;

/// <summary>One grain call seen by a <see cref="GrainCallProbe"/>: the grain, the interface method and when it ran.</summary>
public sealed record GrainCallRecord(GrainId Grain, string Method, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);
