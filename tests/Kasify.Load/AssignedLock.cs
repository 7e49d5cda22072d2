namespace Kasify.Load;

/// <summary>A Nuki lock the run assigned to its property: Kasify's smart lock id, the vendor's id, and whether Nuki reported it offline.</summary>
internal sealed record AssignedLock(Guid RecordId, long SmartlockId, string Name, bool Offline);
