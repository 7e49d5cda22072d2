namespace Kasify.Chaos.Setup;

/// <summary>
/// A lock assigned to a property: Kasify's record id (what codes name), the vendor and the device's id at its fake (a Nuki
/// smartlock id, a UniFi Access door id).
/// </summary>
internal sealed record ChaosLock(Guid RecordId, ChaosVendor Vendor, string DeviceId)
{
    public override string ToString() => $"{(Vendor == ChaosVendor.Nuki ? "Nuki lock" : "UniFi door")} {DeviceId}";
}
