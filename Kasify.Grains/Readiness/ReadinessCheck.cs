using Kasify.Grains.Interfaces.Readiness;

namespace Kasify.Grains.Readiness;

/// <summary>The last evaluation of one check of an arrival (per lock for lock checks).</summary>
[GenerateSerializer, Alias("Kasify.Grains.Readiness.ReadinessCheck")]
internal sealed record ReadinessCheck(
    [property: Id(0)] ReadinessCheckKind Kind,
    [property: Id(1)] Guid? SmartLockId,
    [property: Id(2)] string? SmartLockName,
    [property: Id(3)] ReadinessCheckStatus Status,
    [property: Id(4)] DateTimeOffset EvaluatedAt,
    [property: Id(5)] string Action);
