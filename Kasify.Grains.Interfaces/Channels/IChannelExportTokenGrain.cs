using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Channels;

/// <summary>
/// Which property an export calendar token belongs to. Key: the token. Only the property's channel registry writes it;
/// the API reads it to serve <c>/calendars/{token}.ics</c>. It calls nobody.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Channels.IChannelExportTokenGrain")]
public interface IChannelExportTokenGrain : IGrainWithStringKey
{
    /// <summary>Points the token at the property.</summary>
    [Alias("SetAsync")]
    Task SetAsync(Guid propertyId);

    /// <summary>Forgets the token (rotated or the property deleted).</summary>
    [Alias("ClearAsync")]
    Task ClearAsync();

    /// <summary>The property, or null for an unknown token.</summary>
    [ReadOnly, Alias("GetPropertyIdAsync")]
    Task<Guid?> GetPropertyIdAsync();
}
