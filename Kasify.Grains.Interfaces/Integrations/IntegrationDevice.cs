namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>
/// A lock (Nuki) or door (UniFi) an integration reaches. <paramref name="ExternalId"/> is the vendor's id (Nuki
/// <c>smartlockId</c>, UniFi door id). Lock and battery fields are Nuki's (null for UniFi); floor fields are UniFi's.
/// <paramref name="Assignment"/> names the property and smart lock it is assigned to, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Integrations.IntegrationDevice")]
public sealed record IntegrationDevice(
    string ExternalId,
    string Name,
    int? LockState,
    int? BatteryCharge,
    bool? BatteryCritical,
    bool Offline,
    string? FloorId,
    string? FloorName,
    DeviceAssignment? Assignment);
