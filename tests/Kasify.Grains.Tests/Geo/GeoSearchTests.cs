using System.Collections.Immutable;
using Kasify.Grains.Geo;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Grains.Tests.Geo;

/// <summary>Search semantics: case, accents, bilingual names, article-first forms, codes, order and the parameter rules.</summary>
public sealed class GeoSearchTests
{
    private static readonly GeoCatalog Catalog = GeoCatalog.Embedded;

    [Theory]
    [InlineData("Cádiz a Coruña l'Alfàs del Pi", "cadiz a coruna l alfas del pi")]
    [InlineData("  CÁDIZ,  a-Coruña   l'Alfàs del Pi ", "cadiz a coruna l alfas del pi")]
    [InlineData("Côte d’Ivoire", "cote d ivoire")]
    [InlineData("Åland Ñandú Cruïlles", "aland nandu cruilles")]
    [InlineData("¡!", "")]
    public void TextIsFoldedToLowerCaseWithoutAccentsAndSingleSpaces(string text, string expected)
    {
        Assert.Equal(expected, GeoText.Normalize(text));
    }

    [Fact]
    public void NamesAreFoundByEachPartAndByTheirArticleFirstForm()
    {
        Assert.Equal(["orxa l lorcha", "orxa l", "l orxa", "lorcha"], GeoText.SearchForms("Orxa, l'/Lorcha").ToArray());
        Assert.Equal(["coruna a", "a coruna"], GeoText.SearchForms("Coruña, A").ToArray());
        Assert.Equal(["donostia san sebastian", "donostia", "san sebastian"], GeoText.SearchForms("Donostia/San Sebastián").ToArray());
        // A comma before something other than an article is part of the name.
        Assert.Equal(["saus camallera i llampaies"], GeoText.SearchForms("Saus, Camallera i Llampaies").ToArray());
    }

    [Theory]
    [InlineData("cadiz", "11")]
    [InlineData("CÁDIZ", "11")]
    [InlineData("a coruna", "15")]
    [InlineData("A Coruña", "15")]
    [InlineData("coruña", "15")]
    [InlineData("las palmas", "35")]
    [InlineData("illes balears", "07")]
    [InlineData("balears", "07")]
    [InlineData("la rioja", "26")]
    [InlineData("alava", "01")]
    [InlineData("araba", "01")]
    [InlineData("alacant", "03")]
    [InlineData("castello", "12")]
    [InlineData("vizcaya", "48")]
    [InlineData("gerona", "17")]
    [InlineData("baleares", "07")]
    [InlineData("28", "28")]
    public void ProvincesAreFoundByAnyFormOfTheirName(string query, string code)
    {
        Assert.Equal(code, SearchProvinces(query)[0].Code);
    }

    [Theory]
    [InlineData("cadiz", "11012")]
    [InlineData("san sebastian", "20069")]
    [InlineData("donostia", "20069")]
    [InlineData("San Sebastián", "20069")]
    [InlineData("alicante", "03014")]
    [InlineData("alacant", "03014")]
    [InlineData("a coruna", "15030")]
    [InlineData("las palmas de gran canaria", "35016")]
    [InlineData("palmas de gran canaria", "35016")]
    [InlineData("l'alfas del pi", "03011")]
    [InlineData("l'hospitalet", "08101")]
    [InlineData("el campello", "03050")]
    [InlineData("la vila joiosa", "03139")]
    [InlineData("villajoyosa", "03139")]
    [InlineData("l'orxa", "03084")]
    [InlineData("lorcha", "03084")]
    [InlineData("madrid", "28079")]
    [InlineData("28079", "28079")]
    public void MunicipalitiesAreFoundAcrossSpainByAnyFormOfTheirName(string query, string code)
    {
        Assert.Equal(code, SearchMunicipalities(null, query)[0].Code);
    }

    [Fact]
    public void TheBestMatchComesFirstThenAlphabetical()
    {
        // Exact, then names that start with the query, then names with a later word that does; alphabetical within each.
        Assert.Equal(
            ["Madrid", "Madridanos", "Madridejos", "Humanes de Madrid", "Rozas de Madrid, Las"],
            SearchMunicipalities(null, "madrid").Select(m => m.Name));
        Assert.Equal(
            ["Donostia/San Sebastián", "San Sebastián de la Gomera", "San Sebastián de los Ballesteros", "San Sebastián de los Reyes"],
            SearchMunicipalities(null, "sebastian").Select(m => m.Name));

        var everyProvince = Catalog.SearchProvinces(new ProvinceSearch(null, null));
        Assert.Equal(52, everyProvince.Length);
        Assert.Equal("Albacete", everyProvince[0].Name);
        Assert.Equal(everyProvince.Select(p => GeoText.Normalize(p.Name)).Order(StringComparer.Ordinal), everyProvince.Select(p => GeoText.Normalize(p.Name)));
    }

    [Fact]
    public void EveryQueryWordMustStartAWordOfTheName()
    {
        Assert.Contains(SearchMunicipalities(null, "gran palmas"), m => m.Code == "35016");
        Assert.DoesNotContain(SearchMunicipalities(null, "almas", 500), m => m.Code == "35016");
    }

    [Theory]
    [InlineData("spain", "ES")]
    [InlineData("espana", "ES")]
    [InlineData("España", "ES")]
    [InlineData("es", "ES")]
    [InlineData("esp", "ES")]
    [InlineData("724", "ES")]
    [InlineData("004", "AF")]
    [InlineData("cote d'ivoire", "CI")]
    [InlineData("aland", "AX")]
    [InlineData("alemania", "DE")]
    [InlineData("turkiye", "TR")]
    public void CountriesAreFoundByEitherNameOrAnyCode(string query, string alpha2)
    {
        Assert.Equal(alpha2, Catalog.SearchCountries(new CountrySearch(query))[0].Alpha2);
    }

    [Fact]
    public void WithoutAQueryEveryCountryIsListedByEnglishName()
    {
        var countries = Catalog.SearchCountries(new CountrySearch("  "));

        Assert.Equal(249, countries.Length);
        Assert.Equal("Afghanistan", countries[0].Name);
        Assert.Equal("Åland Islands", countries[1].Name);
    }

    [Theory]
    [InlineData(null, 52)]
    [InlineData("ES", 52)]
    [InlineData("es", 52)]
    [InlineData("ESP", 52)]
    [InlineData("PT", 0)]
    [InlineData("fra", 0)]
    public void ProvincesAreListedForSpainOnly(string? countryCode, int count)
    {
        Assert.Equal(count, Catalog.SearchProvinces(new ProvinceSearch(countryCode, null)).Length);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("Spain")]
    [InlineData("E")]
    public void AnUnknownCountryCodeIsAFieldError(string countryCode)
    {
        var error = Assert.Throws<RequestValidationException>(() => Catalog.SearchProvinces(new ProvinceSearch(countryCode, null)));

        Assert.Equal("validation.failed", error.Code);
        Assert.Equal(["country_code"], error.Errors.Keys);
    }

    [Fact]
    public void AProvinceListsItsMunicipalitiesAndSearchesWithinThem()
    {
        var burgos = Province("09");
        var madrid = Province("28");

        Assert.Equal(371, Catalog.SearchMunicipalities(new MunicipalitySearch(burgos.Id, null, null)).Length);
        Assert.All(Catalog.SearchMunicipalities(new MunicipalitySearch(madrid.Id, "san", null)), m => Assert.Equal("28", m.ProvinceCode));
        Assert.Equal("Alcalá de Henares", Catalog.SearchMunicipalities(new MunicipalitySearch(madrid.Id, "alcala", null))[0].Name);
        Assert.Empty(Catalog.SearchMunicipalities(new MunicipalitySearch(madrid.Id, "cadiz", null)));
        Assert.Equal(5, Catalog.SearchMunicipalities(new MunicipalitySearch(burgos.Id, null, 5)).Length);
    }

    [Fact]
    public void ASearchAcrossSpainReturnsTheDefaultNumberUnlessALimitIsGiven()
    {
        Assert.Equal(GeoLimits.DefaultMunicipalityResults, SearchMunicipalities(null, "san").Length);
        Assert.Equal(GeoLimits.MaxMunicipalityResults, SearchMunicipalities(null, "san", GeoLimits.MaxMunicipalityResults).Length);
    }

    [Theory]
    [InlineData(false, null, null, "q")]
    [InlineData(false, "a", null, "q")]
    [InlineData(false, "  ", null, "q")]
    [InlineData(true, "madrid", 0, "limit")]
    [InlineData(true, "madrid", 501, "limit")]
    public void MunicipalitySearchParametersAreChecked(bool withProvince, string? query, int? limit, string field)
    {
        var search = new MunicipalitySearch(withProvince ? Province("28").Id : null, query, limit);

        var error = Assert.Throws<RequestValidationException>(() => Catalog.SearchMunicipalities(search));

        Assert.Equal([field], error.Errors.Keys);
    }

    [Fact]
    public void AnUnknownProvinceOrAnOverlongQueryIsAFieldError()
    {
        var unknown = Assert.Throws<RequestValidationException>(() => Catalog.SearchMunicipalities(new MunicipalitySearch(Guid.NewGuid(), "san", null)));
        var overlong = Assert.Throws<RequestValidationException>(() => Catalog.SearchCountries(new CountrySearch(new string('a', GeoLimits.QueryLength + 1))));

        Assert.Equal(["province_id"], unknown.Errors.Keys);
        Assert.Equal(["q"], overlong.Errors.Keys);
    }

    private static ProvinceDto Province(string code) => Assert.Single(Catalog.Provinces, province => province.Code == code);

    private static ImmutableArray<ProvinceDto> SearchProvinces(string query) => Catalog.SearchProvinces(new ProvinceSearch(null, query));

    private static ImmutableArray<MunicipalityDto> SearchMunicipalities(Guid? provinceId, string query, int? limit = null) =>
        Catalog.SearchMunicipalities(new MunicipalitySearch(provinceId, query, limit));
}
