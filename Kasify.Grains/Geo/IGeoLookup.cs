using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Grains.Geo;

/// <summary>Resolves the codes and ids a guest or a property gives to the reference data; implemented by <see cref="GeoCatalog"/>.</summary>
internal interface IGeoLookup
{
    /// <summary>The country with this ISO 3166-1 alpha-2 or alpha-3 code, in any case and trimmed; null if none.</summary>
    CountryDto? FindCountry(string code);

    /// <summary>The Spanish province with this id; null if none.</summary>
    ProvinceDto? FindProvince(Guid id);

    /// <summary>The Spanish municipality with this id (it carries its INE code and its province's); null if none.</summary>
    MunicipalityDto? FindMunicipality(Guid id);
}
