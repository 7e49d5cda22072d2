using Kasify.Grains.Interfaces.Readiness;

namespace Kasify.Grains.Readiness;

/// <summary>One check's result in a pass, with the lock it concerns and what is being done.</summary>
internal sealed record ReadinessFinding(ReadinessCheckKind Kind, Guid? SmartLockId, string? SmartLockName, ReadinessCheckStatus Status, string Action)
{
    /// <summary>The key the check is stored under: one per kind, and per lock for lock checks.</summary>
    public string Key => ReadinessRules.Key(Kind, SmartLockId);

    /// <summary>A lock online or battery check: its failure calls for a maintenance task.</summary>
    public bool IsLockHealth => Kind is ReadinessCheckKind.LockOnline or ReadinessCheckKind.LockBattery;
}
