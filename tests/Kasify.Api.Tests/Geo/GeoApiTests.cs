using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains.Interfaces.Geo;

namespace Kasify.Api.Tests.Geo;

/// <summary>
/// The public geo look-ups. The shared host allows 50 geo requests a minute from its one test client IP; these tests
/// make about a dozen, and the limit test uses a host of its own.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GeoApiTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task AnonymousCallersSearchCountriesInTheWireShape()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/v1/geo/countries?q=espa%C3%B1a");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spain = (await response.Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Equal(
            ["id", "alpha2", "alpha3", "numeric", "name", "name_es"],
            spain.EnumerateObject().Select(property => property.Name));
        Assert.Equal(GeoIds.Country("ES"), spain.GetProperty("id").GetGuid());
        Assert.Equal(("ES", "ESP", "724"), (Text(spain, "alpha2"), Text(spain, "alpha3"), Text(spain, "numeric")));
        Assert.Equal(("Spain", "España"), (Text(spain, "name"), Text(spain, "name_es")));
    }

    [Fact]
    public async Task AProvinceIdFromTheProvinceSearchFindsItsCities()
    {
        using var client = factory.CreateClient();

        var province = (await client.GetFromJsonAsync<JsonElement>("/v1/geo/provinces?q=A%20Coru%C3%B1a"))[0];
        var provinceId = province.GetProperty("id").GetGuid();
        var city = (await client.GetFromJsonAsync<JsonElement>($"/v1/geo/cities?province_id={provinceId}&q=a%20coruna"))[0];

        Assert.Equal(
            ["id", "code", "name", "autonomous_community", "country_code"],
            province.EnumerateObject().Select(property => property.Name));
        Assert.Equal(("15", "Coruña, A", "Galicia", "ES"), (Text(province, "code"), Text(province, "name"), Text(province, "autonomous_community"), Text(province, "country_code")));
        Assert.Equal(GeoIds.Province("15"), provinceId);
        Assert.Equal(["id", "code", "name", "province_id", "province_code"], city.EnumerateObject().Select(property => property.Name));
        Assert.Equal(("15030", "Coruña, A", "15"), (Text(city, "code"), Text(city, "name"), Text(city, "province_code")));
        Assert.Equal(provinceId, city.GetProperty("province_id").GetGuid());
        Assert.Equal(GeoIds.Municipality("15030"), city.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task CitiesAreSearchedAcrossSpainWithALimitAndProvincesOfOtherCountriesAreEmpty()
    {
        using var client = factory.CreateClient();

        var cities = await client.GetFromJsonAsync<JsonElement>("/geo/cities?q=san%20sebastian&limit=2");
        var portugal = await client.GetFromJsonAsync<JsonElement>("/geo/provinces?country_code=PT");

        Assert.Equal(["20069", "38036"], cities.EnumerateArray().Select(city => Text(city, "code")));
        Assert.Equal(0, portugal.GetArrayLength());
    }

    [Theory]
    [InlineData("/v1/geo/provinces?country_code=XX", "country_code")]
    [InlineData("/v1/geo/cities?province_id=not-a-uuid", "province_id")]
    [InlineData("/v1/geo/cities?province_id=00000000-0000-0000-0000-000000000001", "province_id")]
    [InlineData("/v1/geo/cities?q=a", "q")]
    [InlineData("/v1/geo/cities?q=madrid&limit=0", "limit")]
    public async Task BadParametersAre400FieldErrors(string path, string field)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }

    [Fact]
    public async Task GeoLookupsAreLimitedPerClientIpAcrossTheirPaths()
    {
        await using var limited = factory.WithSettings(new Dictionary<string, string?> { ["Kasify:RateLimits:GeoPerMinute"] = "3" });
        using var client = limited.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/geo/countries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/geo/provinces")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/geo/cities?q=madrid")).StatusCode);

        var response = await client.GetAsync("/v1/geo/countries");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("/v1/geo/countries", "SearchCountries", "Search countries", "q")]
    [InlineData("/v1/geo/provinces", "SearchProvinces", "Search provinces", "country_code")]
    [InlineData("/v1/geo/cities", "SearchCities", "Search cities", "province_id")]
    public async Task TheDocumentDescribesTheLookupsAsPublicGeoOperations(string path, string operationId, string summary, string parameter)
    {
        using var client = factory.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        var operation = paths.GetProperty(path).GetProperty("get");
        Assert.Equal("Geo", Assert.Single(operation.GetProperty("tags").EnumerateArray()).GetString());
        Assert.Equal(operationId, Text(operation, "operationId"));
        Assert.Equal(summary, Text(operation, "summary"));
        Assert.False(string.IsNullOrWhiteSpace(Text(operation, "description")));
        Assert.Equal(0, operation.GetProperty("security").GetArrayLength()); // public: no credentials
        Assert.Contains(parameter, operation.GetProperty("parameters").EnumerateArray().Select(item => Text(item, "name")));
        Assert.False(paths.TryGetProperty(path["/v1".Length..], out _));
    }

    [Fact]
    public async Task TheDocumentGivesTheProvinceIdAsAUuid()
    {
        using var client = factory.CreateClient();

        var cities = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths").GetProperty("/v1/geo/cities").GetProperty("get");

        var provinceId = cities.GetProperty("parameters").EnumerateArray().Single(item => Text(item, "name") == "province_id");
        Assert.Equal("uuid", Text(provinceId.GetProperty("schema"), "format"));
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();
}
