using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>
/// The devices an integration reaches: fresh when <paramref name="Status"/> is online, otherwise the last list the vendor
/// gave (marked offline) as of <paramref name="FetchedAt"/>. <paramref name="Truncated"/>: the vendor reported more
/// devices than an integration keeps, and these are the first of them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Integrations.IntegrationDevices")]
public sealed record IntegrationDevices(IntegrationStatus Status, ImmutableArray<IntegrationDevice> Devices, DateTimeOffset? FetchedAt, bool Truncated = false)
{
    /// <summary>The devices an integration keeps (they live in its one state row).</summary>
    public const int MaxCount = 500;
}
