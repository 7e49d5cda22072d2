using Kasify.Grains.Geo;
using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Grains.Tests.Geo;

/// <summary>The embedded reference data as the catalogue reads it.</summary>
public sealed class GeoCatalogTests
{
    private static readonly GeoCatalog Catalog = GeoCatalog.Embedded;

    [Fact]
    public void TheCatalogueHoldsEveryCountryProvinceAndMunicipality()
    {
        Assert.Equal(249, Catalog.Countries.Length);
        Assert.Equal(52, Catalog.Provinces.Length);
        Assert.Equal(8_132, Catalog.Municipalities.Length);
        Assert.Equal(179, Catalog.Municipalities.Count(municipality => municipality.ProvinceCode == "28"));
        Assert.Equal(371, Catalog.Municipalities.Count(municipality => municipality.ProvinceCode == "09"));
        Assert.Single(Catalog.Municipalities, municipality => municipality.ProvinceCode == "51");
    }

    [Fact]
    public void IdsDeriveFromTheCodesAndAreUnique()
    {
        Assert.All(Catalog.Countries, country => Assert.Equal(GeoIds.Country(country.Alpha2), country.Id));
        Assert.All(Catalog.Provinces, province => Assert.Equal(GeoIds.Province(province.Code), province.Id));
        Assert.All(Catalog.Municipalities, municipality =>
        {
            Assert.Equal(GeoIds.Municipality(municipality.Code), municipality.Id);
            Assert.Equal(municipality.Code[..2], municipality.ProvinceCode);
            Assert.Equal(GeoIds.Province(municipality.ProvinceCode), municipality.ProvinceId);
        });

        var ids = Catalog.Countries.Select(country => country.Id)
            .Concat(Catalog.Provinces.Select(province => province.Id))
            .Concat(Catalog.Municipalities.Select(municipality => municipality.Id))
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void IdsAreStableAcrossReleases()
    {
        // Properties and guests store these ids: the values are pinned (RFC 9562 version 5, computed independently).
        Assert.Equal(Guid.Parse("1782fbad-c514-5784-b7b3-1d2686f8fdcf"), Country("ES").Id);
        Assert.Equal(Guid.Parse("404fd81b-c42d-5538-9021-d9fb750b6918"), Assert.Single(Catalog.Provinces, province => province.Code == "28").Id);
        Assert.Equal(Guid.Parse("bb3e3115-69f3-5df4-b4cd-16c0dcca4643"), Municipality("28079").Id);
    }

    [Fact]
    public void CodesAreTextWithTheirLeadingZeros()
    {
        var afghanistan = Country("AF");
        Assert.Equal(("AFG", "004"), (afghanistan.Alpha3, afghanistan.Numeric));
        Assert.Equal("020", Country("AD").Numeric);
        Assert.Equal(("ESP", "724", "Spain", "España"), (Country("ES").Alpha3, Country("ES").Numeric, Country("ES").Name, Country("ES").NameEs));
        Assert.Equal("Araba/Álava", Catalog.Provinces[0].Name);
        Assert.Equal("01", Catalog.Provinces[0].Code);
        Assert.Equal(("01001", "01", "Alegría-Dulantzi"), (Catalog.Municipalities[0].Code, Catalog.Municipalities[0].ProvinceCode, Catalog.Municipalities[0].Name));
        Assert.All(Catalog.Countries, country => Assert.Matches("^[0-9]{3}$", country.Numeric));
        Assert.All(Catalog.Municipalities, municipality => Assert.Matches("^[0-9]{5}$", municipality.Code));
    }

    [Fact]
    public void QuotedFieldsKeepTheirCommas()
    {
        var balears = Assert.Single(Catalog.Provinces, province => province.Code == "07");
        Assert.Equal("Balears, Illes", balears.Name);
        Assert.Equal("Balears, Illes", balears.AutonomousCommunity);
        Assert.Equal("Madrid, Comunidad de", Assert.Single(Catalog.Provinces, province => province.Code == "28").AutonomousCommunity);
        Assert.Equal("Palmas de Gran Canaria, Las", Municipality("35016").Name);
        Assert.Equal("Cruïlles, Monells i Sant Sadurní de l'Heura", Municipality("17901").Name);
        Assert.All(Catalog.Provinces, province => Assert.Equal("ES", province.CountryCode));
    }

    [Fact]
    public void AMunicipalityOfAnUnknownProvinceIsRejected()
    {
        using var countries = Text("alpha2,alpha3,numeric,name_en,name_es\nES,ESP,724,Spain,España\n");
        using var provinces = Text("code,name,autonomous_community\n28,Madrid,\"Madrid, Comunidad de\"\n");
        using var municipalities = Text("ine_code,province_code,name\n99001,99,Nowhere\n");

        Assert.Throws<InvalidDataException>(() => GeoCatalog.Load(countries, provinces, municipalities));
    }

    private static CountryDto Country(string alpha2) => Assert.Single(Catalog.Countries, country => country.Alpha2 == alpha2);

    private static MunicipalityDto Municipality(string code) => Assert.Single(Catalog.Municipalities, municipality => municipality.Code == code);

    private static MemoryStream Text(string csv) => new(System.Text.Encoding.UTF8.GetBytes(csv));
}
