using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Api.AccessCodes;

/// <summary>
/// A booking's code on one smart lock: the lock (<c>smartlock_id</c>, lock <c>name</c>), the PIN, its window (the
/// booking's arrival to departure instant), where it stands at the vendor (<c>pending</c> until the lock confirms it,
/// then <c>active</c>; <c>revoking</c>, <c>revoked</c>, <c>failed</c>) and the last vendor error while retrying.
/// </summary>
internal sealed record AccessCodeResponse(
    Guid Id,
    Guid SmartlockId,
    string Name,
    string Code,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    AccessCodeStatus Status,
    string? LastError)
{
    public static AccessCodeResponse From(AccessCodeDto code) =>
        new(code.Id, code.SmartLockId, code.SmartLockName, code.Code, code.ValidFrom, code.ValidTo, code.Status, code.LastError);
}
