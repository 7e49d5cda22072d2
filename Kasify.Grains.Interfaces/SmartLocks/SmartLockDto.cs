using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>A smart lock assigned to a property: which vendor device it is, and its live status.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SmartLocks.SmartLockDto")]
public sealed record SmartLockDto(
    Guid Id,
    Guid PropertyId,
    Guid IntegrationId,
    IntegrationType Provider,
    string ExternalId,
    string Name,
    SmartLockStatus Status,
    int ActiveCodes,
    DateTimeOffset AssignedAt);
