namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>
/// A request to assign a vendor device to a property: the integration, the vendor's id for the device (Nuki
/// <c>smartlockId</c>, UniFi door id) and an optional display name (the vendor's name otherwise).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.AssignSmartLock")]
public sealed record AssignSmartLock(Guid IntegrationId, string ExternalId, string? Name);
