namespace Kasify.Grains.Interfaces.Geo;

/// <summary>A municipality search.</summary>
/// <param name="ProvinceId">The province to search in (<c>province_id</c>); null searches all of Spain and needs a query.</param>
/// <param name="Query">Text to match (<c>q</c>); null or blank lists the province's municipalities.</param>
/// <param name="Limit">
/// Most results to return, 1 to <see cref="GeoLimits.MaxMunicipalityResults"/>; null means
/// <see cref="GeoLimits.MaxMunicipalityResults"/> within a province and <see cref="GeoLimits.DefaultMunicipalityResults"/> across Spain.
/// </param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Geo.MunicipalitySearch")]
public sealed record MunicipalitySearch(Guid? ProvinceId, string? Query, int? Limit);
