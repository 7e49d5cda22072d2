using Orleans.Concurrency;
namespace Kasify.Grains.Interfaces.SesReporting;

/// <summary>The property's side of SES.HOSPEDAJES reporting (implemented by the property grain; key: property id).</summary>
[Alias("Kasify.Grains.Interfaces.SesReporting.IPropertySesGrain")]
public interface IPropertySesGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The property's account and establishment data, or null when the property does not hold the booking (any more).
    /// Interleaves: it only reads state, so an SES grain can ask while the property waits on that booking's grains.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetSesFactsAsync")]
    Task<PropertySesFacts?> GetSesFactsAsync(Guid bookingId);
}
