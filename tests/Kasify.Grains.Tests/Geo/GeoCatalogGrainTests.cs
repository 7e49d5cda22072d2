using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Grains.Tests.Geo;

public sealed class GeoCatalogGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGeoCatalogGrain _catalog = fixture.Grains.GetGrain<IGeoCatalogGrain>(IGeoCatalogGrain.Key);

    [Fact]
    public async Task TheGrainServesCountriesProvincesAndTheirMunicipalities()
    {
        var spain = Assert.Single(await _catalog.SearchCountriesAsync(new CountrySearch("ESP")), country => country.Alpha2 == "ES");
        var province = (await _catalog.SearchProvincesAsync(new ProvinceSearch(spain.Alpha3, "guipuzcoa")))[0];
        var city = (await _catalog.SearchMunicipalitiesAsync(new MunicipalitySearch(province.Id, "san sebastian", 1)))[0];

        Assert.Equal("España", spain.NameEs);
        Assert.Equal(("20", "Gipuzkoa"), (province.Code, province.Name));
        Assert.Equal(new MunicipalityDto(GeoIds.Municipality("20069"), "20069", "Donostia/San Sebastián", province.Id, "20"), city);
    }

    [Fact]
    public async Task BadParametersReachTheCallerAsFieldErrors()
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            _catalog.SearchMunicipalitiesAsync(new MunicipalitySearch(Guid.NewGuid(), null, 0)));

        Assert.Equal("validation.failed", error.Code);
        Assert.Equal(["limit", "province_id"], error.Errors.Keys.Order());
    }
}
