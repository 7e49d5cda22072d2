namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>Where a vendor device is assigned: the property and the Kasify smart lock that represents it there.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Integrations.DeviceAssignment")]
public sealed record DeviceAssignment(Guid PropertyId, Guid SmartLockId);
