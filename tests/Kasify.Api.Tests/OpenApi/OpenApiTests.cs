using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.OpenApi;

[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task JsonDocumentIsOpenApi31WithTitleAndBearerScheme()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Kasify API", document.GetProperty("info").GetProperty("title").GetString());
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task AuthenticatedOperationsListTheBearerRequirementAndAnonymousOnesDoNot()
    {
        using var client = factory.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        var security = paths.GetProperty("/test/caller").GetProperty("get").GetProperty("security");
        Assert.True(Assert.Single(security.EnumerateArray()).TryGetProperty("bearer", out _));
        Assert.False(paths.GetProperty("/test/public").GetProperty("get").TryGetProperty("security", out _));
        Assert.False(paths.TryGetProperty("/health", out _));
        Assert.False(paths.TryGetProperty("/openapi.json", out _));
    }

    [Fact]
    public async Task SchemasUseTheSnakeCaseWireNames()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var payload = document.GetProperty("components").GetProperty("schemas").GetProperty("TestPayload");
        Assert.True(payload.GetProperty("properties").TryGetProperty("rooms_count", out _));
    }

    [Fact]
    public async Task YamlDocumentIsServed()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/openapi.yaml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var yaml = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("openapi: '3.1", yaml, StringComparison.Ordinal);
        Assert.Contains("title: Kasify API", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferenceUiIsServedAtDocs()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // The page loads the document from /openapi.json, given relative to the application's base path.
        Assert.Contains("\"url\":\"openapi.json\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentsAreRateLimitedPerClientIp()
    {
        await using var limited = factory.WithSettings(new Dictionary<string, string?> { ["Kasify:RateLimits:OpenApiPerMinute"] = "2" });
        using var client = limited.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi.yaml")).StatusCode);

        var response = await client.GetAsync("/openapi.json");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
