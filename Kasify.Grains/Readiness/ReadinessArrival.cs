namespace Kasify.Grains.Readiness;

/// <summary>
/// One upcoming arrival the readiness grain follows: the booking's newest window, how many offsets have been
/// evaluated, the checks' last results and the lock issues found. Removed once the arrival has passed.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Readiness.ReadinessArrival")]
internal sealed class ReadinessArrival
{
    [Id(0)]
    public long Revision { get; set; }

    [Id(1)]
    public DateTimeOffset ArrivalAt { get; set; }

    [Id(2)]
    public DateTimeOffset DepartureAt { get; set; }

    /// <summary>False once cancelled (or a closure): kept without checks until its arrival, so an older change delivered again cannot bring it back.</summary>
    [Id(3)]
    public bool Active { get; set; }

    /// <summary>How many of the offsets, longest first, have been evaluated (or skipped as overtaken by a later one).</summary>
    [Id(4)]
    public int Evaluated { get; set; }

    /// <summary>The name of the offset evaluated last (<c>48h</c>, …).</summary>
    [Id(5)]
    public string? LastOffset { get; set; }

    /// <summary>The checks' last results by check key (<c>lock_online:{lock id}</c>, <c>cleaning</c>, …).</summary>
    [Id(6)]
    public Dictionary<string, ReadinessCheck> Checks { get; set; } = [];

    /// <summary>Failed lock checks by check key.</summary>
    [Id(7)]
    public Dictionary<string, ReadinessIssue> Issues { get; set; } = [];
}
