namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>
/// A booking's code on one smart lock, valid from the booking's arrival to its departure instant.
/// <paramref name="LastError"/> is a stable code (<c>vendor.unavailable</c>, <c>smartlock.full</c>, …) while the lock
/// grain retries or after it gave up.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.AccessCodeDto")]
public sealed record AccessCodeDto(
    Guid Id,
    Guid SmartLockId,
    string SmartLockName,
    Guid BookingId,
    string Code,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    AccessCodeStatus Status,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
