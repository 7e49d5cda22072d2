namespace Kasify.Chaos.Setup;

/// <summary>A lock assigned to a property: Kasify's record id (what codes name) and the vendor's device id (the fake's).</summary>
internal sealed record ChaosLock(Guid RecordId, long VendorId);
