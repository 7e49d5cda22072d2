namespace Kasify.Chaos.Chaos;

/// <summary>A host killed during the run: which, when (from the run's start), and when its replacement was ready.</summary>
internal sealed record KillRecord(string Host, TimeSpan At, TimeSpan? RestartReadyAfter);
