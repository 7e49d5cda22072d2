using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.SmartLocks;

/// <summary>What a lock grain answers about itself and its codes, built from its stored state.</summary>
internal static class SmartLockViews
{
    /// <summary>The lock, its last reading (flagged stale when a refresh was due and failed) and its live code count.</summary>
    public static SmartLockDto Lock(Guid smartLockId, SmartLockState state, bool stale)
    {
        var reading = state.Status;
        return new SmartLockDto(
            smartLockId,
            state.PropertyId,
            state.IntegrationId,
            state.Provider,
            state.ExternalId,
            state.Name,
            new SmartLockStatus(
                reading?.LockState, reading?.DoorState, reading?.BatteryCharge, reading?.BatteryCritical, reading?.Online, reading?.CheckedAt,
                stale && reading is not null),
            state.Codes.Count(code => code.Wanted),
            state.AssignedAt);
    }

    /// <summary>One code with its PIN in clear.</summary>
    public static AccessCodeDto Code(Guid smartLockId, SmartLockState state, LockCode code, string pin) => new(
        code.Id, smartLockId, state.Name, code.BookingId, pin, code.ValidFrom, code.ValidTo, code.Status, code.LastError, code.CreatedAt, code.UpdatedAt);
}
