using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>What a smart lock grain is told when its device is assigned to a property.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.SmartLockAssignment")]
public sealed record SmartLockAssignment(
    Guid PropertyId,
    Guid IntegrationId,
    IntegrationType Provider,
    string ExternalId,
    string Name);
