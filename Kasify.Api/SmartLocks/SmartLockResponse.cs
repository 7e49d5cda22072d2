using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Api.SmartLocks;

/// <summary>
/// A smart lock of a property with its live status: which vendor device it is (<c>provider</c>, <c>external_id</c>),
/// lock state (<c>locked</c>, <c>unlocked</c>, …), door state (<c>open</c>, <c>closed</c>, <c>unknown</c>), battery,
/// <c>online</c>, when the status was read and whether it is <c>stale</c> (older than two refresh periods), and how many
/// guest codes it holds. Status fields are null before the first read.
/// </summary>
internal sealed record SmartLockResponse(
    Guid Id,
    Guid IntegrationId,
    IntegrationType Provider,
    string ExternalId,
    string Name,
    string? LockState,
    string? DoorState,
    int? BatteryCharge,
    bool? BatteryCritical,
    bool? Online,
    DateTimeOffset? StatusCheckedAt,
    bool Stale,
    int ActiveCodes,
    DateTimeOffset AssignedAt)
{
    public static SmartLockResponse From(SmartLockDto smartLock)
    {
        var status = smartLock.Status;
        return new SmartLockResponse(
            smartLock.Id,
            smartLock.IntegrationId,
            smartLock.Provider,
            smartLock.ExternalId,
            smartLock.Name,
            status.LockState,
            status.DoorState,
            status.BatteryCharge,
            status.BatteryCritical,
            status.Online,
            status.CheckedAt,
            status.Stale,
            smartLock.ActiveCodes,
            smartLock.AssignedAt);
    }
}
