using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Geo;
using Orleans.Concurrency;

namespace Kasify.Grains.Geo;

/// <summary>Serves the geo searches on whichever silo receives the call; the data is immutable and read once per process.</summary>
[StatelessWorker]
internal sealed class GeoCatalogGrain : Grain, IGeoCatalogGrain
{
    private readonly GeoCatalog _catalog = GeoCatalog.Embedded;

    public Task<ImmutableArray<CountryDto>> SearchCountriesAsync(CountrySearch search) =>
        Task.FromResult(_catalog.SearchCountries(search));

    public Task<ImmutableArray<ProvinceDto>> SearchProvincesAsync(ProvinceSearch search) =>
        Task.FromResult(_catalog.SearchProvinces(search));

    public Task<ImmutableArray<MunicipalityDto>> SearchMunicipalitiesAsync(MunicipalitySearch search) =>
        Task.FromResult(_catalog.SearchMunicipalities(search));
}
