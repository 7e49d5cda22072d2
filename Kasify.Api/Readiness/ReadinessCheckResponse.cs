using Kasify.Grains.Interfaces.Readiness;

namespace Kasify.Api.Readiness;

/// <summary>
/// One readiness check: <c>check</c> (<c>lock_online</c>, <c>lock_battery</c>, <c>access_code</c>, <c>cleaning</c>,
/// <c>checkin</c>, <c>ses_report</c>), the lock for lock checks, <c>status</c> (<c>ok</c>, <c>warning</c>, <c>failed</c>,
/// <c>pending</c>), <c>evaluated_at</c>, <c>action</c> (what Kasify found and is doing), and for a failed lock check the
/// maintenance task, whether its reason is resolved, and the lock the guest's backup code was asked for on.
/// </summary>
internal sealed record ReadinessCheckResponse(
    ReadinessCheckKind Check,
    Guid? SmartlockId,
    string? SmartlockName,
    ReadinessCheckStatus Status,
    DateTimeOffset? EvaluatedAt,
    string? Action,
    Guid? TaskId,
    bool TaskReasonResolved,
    Guid? BackupSmartlockId,
    string? BackupSmartlockName,
    string? BackupCodeStatus)
{
    public static ReadinessCheckResponse From(ReadinessCheckDto check) => new(
        check.Kind, check.SmartLockId, check.SmartLockName, check.Status, check.EvaluatedAt, check.Action, check.TaskId, check.TaskReasonResolved,
        check.BackupSmartLockId, check.BackupSmartLockName, check.BackupCodeStatus);
}
