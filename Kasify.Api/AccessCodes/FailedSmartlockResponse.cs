using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Api.AccessCodes;

/// <summary>A lock that could not take the booking's code: the lock, a stable <c>error</c> code and a human message.</summary>
internal sealed record FailedSmartlockResponse(Guid SmartlockId, string Name, string Error, string Message)
{
    public static FailedSmartlockResponse From(SmartLockFailure failure) => new(failure.SmartLockId, failure.Name, failure.Error, failure.Message);
}
