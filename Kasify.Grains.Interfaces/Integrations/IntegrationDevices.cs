using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>
/// The devices an integration reaches: fresh when <paramref name="Status"/> is online, otherwise the last list the vendor
/// gave (marked offline) as of <paramref name="FetchedAt"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Integrations.IntegrationDevices")]
public sealed record IntegrationDevices(IntegrationStatus Status, ImmutableArray<IntegrationDevice> Devices, DateTimeOffset? FetchedAt);
