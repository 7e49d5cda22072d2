namespace Kasify.Grains.Interfaces.Readiness;

/// <summary>
/// The email telling one owner or manager that an arrival is not ready: which lock failed which check, what Kasify
/// did. No guest data: the property, the arrival instant, the lock and the task.
/// </summary>
/// <param name="MailId">Derived from the property, the booking, the lock, the check and the recipient, so a check
/// failing again (or delivered twice) names the same mail.</param>
/// <param name="PropertyId">The property.</param>
/// <param name="PropertyName">Its name when the check failed.</param>
/// <param name="RecipientId">The user the email goes to.</param>
/// <param name="BookingId">The booking arriving.</param>
/// <param name="ArrivalAt">The arrival instant.</param>
/// <param name="LocalArrival">The arrival in the property's zone, as written in the email (<c>yyyy-MM-dd HH:mm</c>).</param>
/// <param name="Kind">The check that failed.</param>
/// <param name="SmartLockName">The lock concerned.</param>
/// <param name="BackupSmartLockName">The lock where the guest's backup code was asked for, if any.</param>
/// <param name="DetectedAt">When the check failed.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Readiness.ReadinessMail")]
public sealed record ReadinessMail(
    Guid MailId,
    Guid PropertyId,
    string PropertyName,
    Guid RecipientId,
    Guid BookingId,
    DateTimeOffset ArrivalAt,
    string LocalArrival,
    ReadinessCheckKind Kind,
    string SmartLockName,
    string? BackupSmartLockName,
    DateTimeOffset DetectedAt);
