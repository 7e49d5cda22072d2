namespace Kasify.Grains.SmartLocks;

/// <summary>
/// A code as the device's vendor lists it, in vendor-neutral terms: its vendor id and name, the PIN when the vendor
/// shows it (null: not shown, as UniFi), the window (null bound: none), whether it opens the door at all, and whether a
/// change of it is still on its way to the device (then it is not judged yet).
/// </summary>
internal sealed record DeviceCode(
    string VendorId,
    string Name,
    string? Pin,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    bool Enabled,
    bool Pending);
