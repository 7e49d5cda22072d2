namespace Kasify.Grains.Interfaces.Readiness;

/// <summary>
/// One check of an arrival: what it looks at (and which lock, for lock checks), its status, when it was last evaluated
/// and what Kasify is doing about it. For a failed lock check: the maintenance task created for it (once), whether its
/// reason has since been resolved, and the lock holding the guest's backup code.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Readiness.ReadinessCheckDto")]
public sealed record ReadinessCheckDto(
    ReadinessCheckKind Kind,
    Guid? SmartLockId,
    string? SmartLockName,
    ReadinessCheckStatus Status,
    DateTimeOffset? EvaluatedAt,
    string? Action,
    Guid? TaskId,
    bool TaskReasonResolved,
    Guid? BackupSmartLockId,
    string? BackupSmartLockName,
    string? BackupCodeStatus);
