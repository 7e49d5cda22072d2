namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>
/// A lock's live status as last read from the vendor at <paramref name="CheckedAt"/>. <paramref name="LockState"/> is
/// <c>locked</c>, <c>unlocked</c>, <c>unlatched</c>, <c>locking</c>, <c>unlocking</c>, <c>jammed</c> or <c>unknown</c>;
/// <paramref name="DoorState"/> <c>open</c>, <c>closed</c> or <c>unknown</c>. <paramref name="Stale"/> is set when the
/// last refresh is older than two refresh periods and a fresh read failed. All null before the first read.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.SmartLockStatus")]
public sealed record SmartLockStatus(
    string? LockState,
    string? DoorState,
    int? BatteryCharge,
    bool? BatteryCritical,
    bool? Online,
    DateTimeOffset? CheckedAt,
    bool Stale);
