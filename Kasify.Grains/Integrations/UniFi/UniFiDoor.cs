namespace Kasify.Grains.Integrations.UniFi;

/// <summary>A door of the console with its floor; <see cref="IsBindHub"/> false means no hub is bound to it.</summary>
public sealed record UniFiDoor(
    string DoorId,
    string Name,
    string FullName,
    string FloorId,
    string? FloorName,
    bool IsBindHub,
    string? LockRelayStatus,
    string? PositionStatus);
