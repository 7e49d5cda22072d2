namespace Kasify.Grains.Interfaces.Geo;

/// <summary>A province search.</summary>
/// <param name="CountryCode">ISO 3166-1 alpha-2 or alpha-3 code, any case (<c>country_code</c>); null means Spain.</param>
/// <param name="Query">Text to match (<c>q</c>); null or blank lists every province of the country.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Geo.ProvinceSearch")]
public sealed record ProvinceSearch(string? CountryCode, string? Query);
