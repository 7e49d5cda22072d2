using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Readiness;

/// <summary>One lock of the property as a check pass saw it: its last status and whether the guest's code is on it.</summary>
internal sealed record ReadinessLock(Guid Id, string Name, SmartLockStatus Status, GuestCodeState Code)
{
    /// <summary>Answers and is not about to die: a lock a backup code can go on.</summary>
    public bool Healthy => Status is { Online: true, Stale: false } && Status.BatteryCritical != true;
}
