using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Geo;

/// <summary>
/// Read-only look-ups of countries (ISO 3166-1) and of Spain's provinces and municipalities (INE), served from the
/// reference data shipped with the grains. A stateless worker: every silo answers locally; key <see cref="Key"/>.
/// </summary>
/// <remarks>
/// Search is case- and accent-insensitive and matches word prefixes of each name, of each part of a bilingual name
/// (<c>Donostia/San Sebastián</c>) and of the article-first form of an INE name (<c>Coruña, A</c> as <c>A Coruña</c>).
/// Results come best match first: exact name or code, then names that start with the query, then names with a word
/// that starts with the query, then names whose words start with every word of the query; alphabetical within each.
/// </remarks>
[Alias("Kasify.Grains.Interfaces.Geo.IGeoCatalogGrain")]
public interface IGeoCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>The catalogue's key.</summary>
    const long Key = 0;

    /// <summary>Countries whose English or Spanish name, alpha-2, alpha-3 or numeric code matches; every country without a query.</summary>
    [Alias("SearchCountriesAsync")]
    Task<ImmutableArray<CountryDto>> SearchCountriesAsync(CountrySearch search);

    /// <summary>
    /// Provinces of the country (Spain when none is given; any other known country has none listed) whose name or INE
    /// code matches. Throws <see cref="Errors.RequestValidationException"/> for an unknown country code.
    /// </summary>
    [Alias("SearchProvincesAsync")]
    Task<ImmutableArray<ProvinceDto>> SearchProvincesAsync(ProvinceSearch search);

    /// <summary>
    /// Municipalities of a province, or of all of Spain for a query of at least <see cref="GeoLimits.MinQueryLength"/>
    /// letters, whose name or INE code matches, at most <see cref="MunicipalitySearch.Limit"/>. Throws
    /// <see cref="Errors.RequestValidationException"/> for an unknown province, a missing query or a limit out of range.
    /// </summary>
    [Alias("SearchMunicipalitiesAsync")]
    Task<ImmutableArray<MunicipalityDto>> SearchMunicipalitiesAsync(MunicipalitySearch search);
}
