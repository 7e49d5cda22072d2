using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Rentals;

[Collection(ApiCollection.Name)]
public sealed class PropertiesApiTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task APropertyCanBeCreatedReadListedReplacedAndDeleted()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        var created = await owner.CreatePropertyAsync("Casa Azul", new { country_code = "ES", checkin_time = "16:00", rooms_count = 2 });
        var id = created.GetProperty("id").GetGuid();
        var read = await (await owner.GetAsync($"/properties/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var list = await (await owner.GetAsync("/v1/properties")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("owner", created.GetProperty("role").GetString());
        Assert.Equal("Spain", created.GetProperty("country").GetString());
        Assert.Equal("16:00", read.GetProperty("checkin_time").GetString());
        Assert.Equal("11:00", read.GetProperty("checkout_time").GetString());
        Assert.Equal("Europe/Madrid", read.GetProperty("time_zone").GetString());
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.Equal("owner", listed.GetProperty("role").GetString());

        using var replace = await owner.PutAsJsonAsync($"/v1/properties/{id}", new
        {
            name = "Casa Verde",
            address = "Calle Mayor 2",
            city = "Madrid",
            zip_code = "28013",
        });
        var replaced = await replace.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, replace.StatusCode);
        Assert.Equal("Casa Verde", replaced.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, replaced.GetProperty("rooms_count").ValueKind);

        using var delete = await owner.DeleteAsync($"/v1/properties/{id}");
        using var afterDelete = await owner.GetAsync($"/v1/properties/{id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await ProblemAssert.IsProblemAsync(afterDelete, HttpStatusCode.NotFound, "property.not_found");
        Assert.Empty((await (await owner.GetAsync("/v1/properties")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Fact]
    public async Task AnotherUsersPropertyIsNotFoundForEveryVerb()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();

        var body = new { name = "Taken", address = "x", city = "y", zip_code = "1" };
        using var get = await stranger.GetAsync($"/v1/properties/{id}");
        using var put = await stranger.PutAsJsonAsync($"/v1/properties/{id}", body);
        using var patch = await stranger.PatchAsync($"/v1/properties/{id}", JsonContent.Create(new { name = "Taken" }));
        using var delete = await stranger.DeleteAsync($"/v1/properties/{id}");
        using var image = await stranger.GetAsync($"/v1/properties/{id}/cover-image");
        using var upload = await stranger.PostAsync(
            $"/v1/properties/{id}/cover-image",
            new MultipartFormDataContent { { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "file", "x.png" } });
        using var removeImage = await stranger.DeleteAsync($"/v1/properties/{id}/cover-image");

        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound, "property.not_found");
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.NotFound, "property.not_found");
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.NotFound, "property.not_found");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound, "property.not_found");
        Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
        await ProblemAssert.IsProblemAsync(upload, HttpStatusCode.NotFound, "property.not_found");
        await ProblemAssert.IsProblemAsync(removeImage, HttpStatusCode.NotFound, "property.not_found");
        Assert.Empty((await (await stranger.GetAsync("/v1/properties")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("Casa Azul", (await (await owner.GetAsync($"/v1/properties/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"address":"a","city":"c","zip_code":"1"}""", "name")]
    [InlineData("""{"name":"","address":"a","city":"c","zip_code":"1"}""", "name")]
    [InlineData("""{"name":"n","address":"a","city":"c","zip_code":"123456789012345678901"}""", "zip_code")]
    [InlineData("""{"name":"n","address":"a","city":"c","zip_code":"1","rooms_count":"three"}""", "rooms_count")]
    [InlineData("""{"name":"n","address":"a","city":"c","zip_code":"1","has_internet":"yes"}""", "has_internet")]
    [InlineData("""{"name":"n","address":"a","city":"c","zip_code":"1","auto_access_codes":1}""", "auto_access_codes")]
    [InlineData("""{"name":"n","address":"a","city":"c","zip_code":"1","checkin_time":"4pm"}""", "checkin_time")]
    [InlineData("""{"name":"n","address":"a","city":"c","zip_code":"1","country_code":"XX"}""", "country_code")]
    [InlineData("""{"name":"n","address":"a","city":"c","zip_code":"1","time_zone":"Mars/Base"}""", "time_zone")]
    [InlineData("""{"name":"n","address":"a","city":"c","zip_code":"1","rooms_count":-1}""", "rooms_count")]
    [InlineData("""{"name":"n","address":"a","city":"c","zip_code":"1","default_cleaner_id":"not-a-uuid"}""", "default_cleaner_id")]
    public async Task InvalidBodiesAreFieldErrors(string body, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.PostAsync("/v1/properties", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.Empty((await (await owner.GetAsync("/v1/properties")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Fact]
    public async Task AnUnknownFieldIsRejectedNotDropped()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.PostAsync(
            "/v1/properties", new StringContent("""{"name":"n","address":"a","city":"c","zip_code":"1","colour":"blue"}""", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("colour", out _), problem.ToString());
    }

    [Fact]
    public async Task FieldErrorMessagesUseTheWireName()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.PostAsJsonAsync("/v1/properties", new { name = "n", address = "a", city = "c" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("zip_code").EnumerateArray()).GetString();
        Assert.Contains("zip_code", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ZipCode", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APatchMustBeJson()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var wrongType = await owner.PatchAsync($"/v1/properties/{id}", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var malformed = await owner.PatchAsync($"/v1/properties/{id}", new StringContent("{\"name\":", Encoding.UTF8, "application/merge-patch+json"));
        using var notAnObject = await owner.PatchAsync($"/v1/properties/{id}", new StringContent("[1]", Encoding.UTF8, "application/merge-patch+json"));

        await ProblemAssert.IsProblemAsync(wrongType, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        var problem = await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
        await ProblemAssert.IsProblemAsync(notAnObject, HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task AnOverLongNameIsAFieldError()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.PostAsJsonAsync("/v1/properties", new { name = new string('x', 201), address = "a", city = "c", zip_code = "1" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json")]
    public async Task AMergePatchChangesOnlyWhatItNames(string contentType)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync("Casa Azul", new { rooms_count = 3, has_internet = true })).GetProperty("id").GetGuid();

        using var response = await owner.PatchAsync(
            $"/v1/properties/{id}",
            new StringContent("""{"name":"Casa Roja","rooms_count":null,"checkout_time":"10:30"}""", Encoding.UTF8, contentType));
        var patched = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Casa Roja", patched.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("rooms_count").ValueKind);
        Assert.True(patched.GetProperty("has_internet").GetBoolean());
        Assert.Equal("10:30", patched.GetProperty("checkout_time").GetString());
        Assert.Equal("Calle Mayor 1", patched.GetProperty("address").GetString());
    }

    [Fact]
    public async Task AutomaticAccessCodesAreOffUntilSetAndAPatchTurnsThemOnAndOff()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var created = await owner.CreatePropertyAsync();
        var id = created.GetProperty("id").GetGuid();
        Assert.False(created.GetProperty("auto_access_codes").GetBoolean());

        async Task<JsonElement> PatchAsync(string body)
        {
            using var response = await owner.PatchAsync($"/v1/properties/{id}", new StringContent(body, Encoding.UTF8, "application/merge-patch+json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        Assert.True((await PatchAsync("""{"auto_access_codes":true}""")).GetProperty("auto_access_codes").GetBoolean());
        Assert.True((await PatchAsync("""{"name":"Casa Roja"}""")).GetProperty("auto_access_codes").GetBoolean());
        Assert.True((await (await owner.GetAsync($"/v1/properties/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auto_access_codes").GetBoolean());
        Assert.False((await PatchAsync("""{"auto_access_codes":null}""")).GetProperty("auto_access_codes").GetBoolean());

        using var mistyped = await owner.PatchAsync($"/v1/properties/{id}", new StringContent("""{"auto_access_codes":"yes"}""", Encoding.UTF8, "application/merge-patch+json"));
        var problem = await ProblemAssert.IsProblemAsync(mistyped, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("auto_access_codes", out _), problem.ToString());
    }

    [Fact]
    public async Task APatchRejectsPutOnlyUnknownAndMistypedFields()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.PatchAsync(
            $"/v1/properties/{id}",
            new StringContent("""{"city":"Sevilla","colour":"blue","rooms_count":"many"}""", Encoding.UTF8, "application/merge-patch+json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("city", out _));
        Assert.True(errors.TryGetProperty("colour", out _));
        Assert.True(errors.TryGetProperty("rooms_count", out _));
        Assert.Equal("Madrid", (await (await owner.GetAsync($"/v1/properties/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("city").GetString());
    }

    [Fact]
    public async Task ICalUrlsAreVisibleToTheOwner()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        var created = await owner.CreatePropertyAsync("Casa Azul", new { airbnb_ical_url = "https://www.airbnb.example/calendar/ical/1.ics" });

        Assert.Equal("https://www.airbnb.example/calendar/ical/1.ics", created.GetProperty("airbnb_ical_url").GetString());
    }

    [Theory]
    [InlineData("POST", "province_id")]
    [InlineData("POST", "city_id")]
    [InlineData("PUT", "province_id")]
    [InlineData("PUT", "city_id")]
    public async Task AProvinceOrCityTheGeoCatalogueDoesNotKnowIsAFieldError(string method, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Casa Azul",
            ["address"] = "Calle Mayor 1",
            ["city"] = "Madrid",
            ["zip_code"] = "28013",
            ["country_code"] = "ES",
            ["province_id"] = Kasify.Grains.Interfaces.Geo.GeoIds.Province("28"),
            ["city_id"] = Kasify.Grains.Interfaces.Geo.GeoIds.Municipality("28079"),
        };
        body[field] = Guid.NewGuid();

        using var response = method == "POST" ? await owner.PostAsJsonAsync("/v1/properties", body) : await owner.PutAsJsonAsync($"/v1/properties/{id}", body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        var properties = await owner.GetFromJsonAsync<JsonElement>("/v1/properties");
        Assert.Equal(id, Assert.Single(properties.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, properties[0].GetProperty(field).ValueKind);
    }

    [Fact]
    public async Task AProvinceAndCityFromTheGeoEndpointsAreStoredAndACityOfAnotherProvinceIsNot()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var madrid = (await owner.GetFromJsonAsync<JsonElement>("/v1/geo/provinces?q=Madrid"))[0].GetProperty("id").GetGuid();
        var capital = (await owner.GetFromJsonAsync<JsonElement>($"/v1/geo/cities?province_id={madrid}&q=Madrid"))[0].GetProperty("id").GetGuid();
        var seville = (await owner.GetFromJsonAsync<JsonElement>("/v1/geo/cities?q=Sevilla"))[0].GetProperty("id").GetGuid();

        var created = await owner.CreatePropertyAsync("Casa Azul", new { country_code = "ES", province_id = madrid, city_id = capital });
        using var mismatch = await owner.PutAsJsonAsync(
            $"/v1/properties/{created.GetProperty("id").GetGuid()}",
            new { name = "Casa Azul", address = "Calle Mayor 1", city = "Madrid", zip_code = "28013", country_code = "ES", province_id = madrid, city_id = seville });
        using var abroad = await owner.PostAsJsonAsync(
            "/v1/properties", new { name = "Maison", address = "Rue 1", city = "Paris", zip_code = "75001", country_code = "FR", province_id = madrid });

        Assert.Equal(madrid, created.GetProperty("province_id").GetGuid());
        Assert.Equal(capital, created.GetProperty("city_id").GetGuid());
        var problem = await ProblemAssert.IsProblemAsync(mismatch, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("city_id", out _));
        problem = await ProblemAssert.IsProblemAsync(abroad, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("province_id", out _));
    }
}
