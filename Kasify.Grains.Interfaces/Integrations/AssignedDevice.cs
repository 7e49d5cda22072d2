namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>A device reserved for a smart lock: its vendor, id and name at the vendor.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Integrations.AssignedDevice")]
public sealed record AssignedDevice(IntegrationType Provider, string ExternalId, string Name);
