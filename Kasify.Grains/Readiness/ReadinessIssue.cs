using Kasify.Grains.Interfaces.Readiness;

namespace Kasify.Grains.Readiness;

/// <summary>
/// A failed lock check of one arrival and what was done about it, kept from its first failure until the arrival: so its
/// task, emails and backup code are owed once, whichever of the offsets (and restarts) see it fail again.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Readiness.ReadinessIssue")]
internal sealed class ReadinessIssue
{
    [Id(0)]
    public ReadinessCheckKind Kind { get; set; }

    [Id(1)]
    public Guid SmartLockId { get; set; }

    [Id(2)]
    public string SmartLockName { get; set; } = "";

    [Id(3)]
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>The maintenance task, once the tasks grain created it.</summary>
    [Id(4)]
    public Guid? TaskId { get; set; }

    /// <summary>When the check passed again; null while it fails. A later failure reopens the issue, without a second task.</summary>
    [Id(5)]
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The healthy lock the guest's backup code was asked for on.</summary>
    [Id(6)]
    public Guid? BackupSmartLockId { get; set; }

    [Id(7)]
    public string? BackupSmartLockName { get; set; }

    /// <summary>The backup code's status as the lock answered (<c>pending</c>, <c>active</c>, …), or the refusal's error code.</summary>
    [Id(8)]
    public string? BackupCodeStatus { get; set; }
}
