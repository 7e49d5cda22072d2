namespace Kasify.Load.CheckinLatency;

/// <summary>One owner request of the busy phase: its kind, status (0: no answer), latency, and whether it answered before the phase ended.</summary>
internal sealed record OwnerOperation(string Kind, int Status, double Milliseconds, bool InPhase);
