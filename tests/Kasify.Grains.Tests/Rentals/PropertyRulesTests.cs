using Kasify.Grains.Geo;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Geo;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Rentals;

namespace Kasify.Grains.Tests.Rentals;

public sealed class PropertyRulesTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Dictionary<Guid, AccessLevel> Members = new() { [Owner] = AccessLevel.Owner };

    [Fact]
    public void AValidPropertyPasses()
    {
        PropertyRules.EnsureValid(PropertyRules.Normalize(PropertyGrainTests.Details()), Members);
    }

    [Fact]
    public void EveryBrokenRuleIsReportedByItsWireName()
    {
        var details = PropertyGrainTests.Details() with
        {
            Name = " ",
            ZipCode = new string('9', PropertyLimits.ZipCodeLength + 1),
            CountryCode = "XX",
            TimeZone = "Mars/Olympus",
            AirbnbIcalUrl = "ftp://example.org/cal.ics",
            SesEstablishmentType = "vut",
            RoomsCount = -1,
            DefaultCleanerId = Guid.NewGuid(),
        };

        var error = Assert.Throws<RequestValidationException>(() => PropertyRules.EnsureValid(details, Members));

        Assert.Equal(
            ["airbnb_ical_url", "country_code", "default_cleaner_id", "name", "rooms_count", "ses_establishment_type", "time_zone", "zip_code"],
            error.Errors.Keys.Order());
        Assert.Equal("validation.failed", error.Code);
    }

    [Fact]
    public void NormalizingFillsDefaultsAndUpperCasesTheCountry()
    {
        var normalized = PropertyRules.Normalize(PropertyGrainTests.Details() with { Name = "  Casa  ", CountryCode = "pt" });

        Assert.Equal("Casa", normalized.Name);
        Assert.Equal("PT", normalized.CountryCode);
        Assert.Equal("Europe/Madrid", normalized.TimeZone);
        Assert.Equal(new TimeOnly(11, 0), normalized.CheckoutTime);
    }

    [Theory]
    [InlineData("Europe/Madrid", true)]
    [InlineData("Atlantic/Canary", true)]
    [InlineData("Romance Standard Time", false)]
    [InlineData("Europe/Atlantis", false)]
    public void OnlyIanaTimeZonesAreAccepted(string zone, bool valid)
    {
        var details = PropertyRules.Normalize(PropertyGrainTests.Details() with { TimeZone = zone });

        var error = Record.Exception(() => PropertyRules.EnsureValid(details, Members));

        Assert.Equal(valid, error is null);
    }

    [Theory]
    [InlineData(AccessLevel.Owner, true)]
    [InlineData(AccessLevel.Manager, true)]
    [InlineData(AccessLevel.Staff, false)]
    [InlineData(AccessLevel.Contractor, false)]
    public void OnlyOwnersAndManagersEdit(AccessLevel level, bool canEdit) => Assert.Equal(canEdit, PropertyRules.CanEdit(level));

    [Fact]
    public void AProvinceAndOneOfItsMunicipalitiesFromTheCataloguePass() =>
        PropertyRules.EnsureValid(InSpain(GeoIds.Province("28"), GeoIds.Municipality("28079")), Members, GeoCatalog.Embedded);

    [Theory]
    [InlineData("unknown province", "province_id")]
    [InlineData("unknown municipality", "city_id")]
    [InlineData("municipality of another province", "city_id")]
    [InlineData("outside Spain", "province_id")]
    public void PlacesTheCatalogueDoesNotHoldAreFieldErrors(string mistake, string field)
    {
        var details = mistake switch
        {
            "unknown province" => InSpain(Guid.NewGuid(), GeoIds.Municipality("28079")),
            "unknown municipality" => InSpain(GeoIds.Province("28"), Guid.NewGuid()),
            "municipality of another province" => InSpain(GeoIds.Province("28"), GeoIds.Municipality("41091")),
            _ => InSpain(GeoIds.Province("28"), null) with { CountryCode = "FR" },
        };

        var error = Assert.Throws<RequestValidationException>(() => PropertyRules.EnsureValid(details, Members, GeoCatalog.Embedded));

        Assert.Equal([field], error.Errors.Keys);
    }

    [Fact]
    public void WithoutTheCatalogueStoredPlacesAreLeftAlone() =>
        PropertyRules.EnsureValid(InSpain(Guid.NewGuid(), Guid.NewGuid()), Members);

    private static PropertyDetails InSpain(Guid? provinceId, Guid? cityId) =>
        PropertyRules.Normalize(PropertyGrainTests.Details() with { CountryCode = "ES", ProvinceId = provinceId, CityId = cityId });
}
