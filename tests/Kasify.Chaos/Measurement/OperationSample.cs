namespace Kasify.Chaos.Measurement;

/// <summary>One operation: its kind, status (0: no answer), latency, when it started in the run, and whether it came soon after a kill.</summary>
internal sealed record OperationSample(string Kind, int Status, double Milliseconds, TimeSpan StartedAt, bool AfterKill)
{
    public bool Failed => Status == 0 || Status >= 500;

    public TimeSpan EndedAt => StartedAt + TimeSpan.FromMilliseconds(Milliseconds);
}
