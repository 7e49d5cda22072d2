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
    public async Task AuthenticatedOperationsListTheBearerRequirementAndAnonymousOnesAnEmptyOne()
    {
        using var client = factory.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        var security = paths.GetProperty("/v1/account").GetProperty("get").GetProperty("security");
        Assert.True(Assert.Single(security.EnumerateArray()).TryGetProperty("bearer", out _));
        Assert.Equal(0, paths.GetProperty("/v1/geo/countries").GetProperty("get").GetProperty("security").GetArrayLength());
        Assert.False(paths.TryGetProperty("/health", out _));
        Assert.False(paths.TryGetProperty("/openapi.json", out _));
        Assert.False(paths.TryGetProperty("/test/caller", out _));
    }

    [Fact]
    public async Task AuthenticatedOperationsDeclareTheProblemsEveryCallCanMeet()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var responses = document.GetProperty("paths").GetProperty("/v1/account").GetProperty("get").GetProperty("responses");
        var shared = document.GetProperty("components").GetProperty("responses");
        foreach (var (status, name) in new[]
        {
            ("401", "Unauthenticated"), ("403", "Forbidden"), ("429", "RateLimited"), ("503", "ServiceUnavailable"), ("504", "ServiceTimeout"),
        })
        {
            Assert.Equal("#/components/responses/" + name, responses.GetProperty(status).GetProperty("$ref").GetString());
            var schema = shared.GetProperty(name).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
            Assert.Equal("#/components/schemas/ProblemDetails", schema.GetProperty("$ref").GetString());
        }

        Assert.Contains("auth.not_registered", shared.GetProperty("Forbidden").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(shared.GetProperty("RateLimited").GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.True(shared.GetProperty("ServiceUnavailable").GetProperty("headers").TryGetProperty("Retry-After", out _));
    }

    [Fact]
    public async Task PublicOperationsDeclareRateLimitsButNoAuthenticationProblems()
    {
        using var client = factory.CreateClient();

        var responses = (await client.GetFromJsonAsync<JsonElement>("/openapi.json"))
            .GetProperty("paths").GetProperty("/v1/checkin/{code}").GetProperty("get").GetProperty("responses");

        Assert.True(responses.TryGetProperty("429", out _));
        Assert.True(responses.TryGetProperty("503", out _));
        Assert.False(responses.TryGetProperty("401", out _));
        Assert.False(responses.TryGetProperty("403", out _));
    }

    [Fact]
    public async Task OperationsWithABodyDeclareTheBodyProblems()
    {
        using var client = factory.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        var create = paths.GetProperty("/v1/properties").GetProperty("post").GetProperty("responses");
        Assert.True(create.TryGetProperty("413", out _));
        Assert.True(create.TryGetProperty("415", out _));
        Assert.False(paths.GetProperty("/v1/properties").GetProperty("get").GetProperty("responses").TryGetProperty("415", out _));
    }

    [Fact]
    public async Task EveryTagIsDescribedInTheReferencesOrder()
    {
        using var client = factory.CreateClient();

        var tags = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("tags").EnumerateArray().ToList();

        Assert.Equal(
            ["AccessCodes", "Account", "ApiTokens", "Auth", "Bookings", "Calendar", "Channels", "Checkin", "Geo", "Guests", "Integrations", "Properties",
             "PropertyMembers", "SmartLocks", "Tasks", "Timeline", "Users"],
            tags.Select(tag => tag.GetProperty("name").GetString()));
        Assert.All(tags, tag => Assert.False(string.IsNullOrWhiteSpace(tag.GetProperty("description").GetString()), tag.ToString()));
    }

    [Fact]
    public async Task TheServerUrlHasNoTrailingSlash()
    {
        using var client = factory.CreateClient();

        var servers = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("servers");

        Assert.All(servers.EnumerateArray(), server => Assert.False(server.GetProperty("url").GetString()!.EndsWith('/'), server.ToString()));
    }

    [Fact]
    public async Task SchemasThatNoOperationUsesAreLeftOut()
    {
        using var client = factory.CreateClient();

        var schemas = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("components").GetProperty("schemas");

        // The integration endpoints bind their body as a JsonElement, then describe one schema per integration type instead.
        Assert.False(schemas.TryGetProperty("JsonElement", out _));
        Assert.True(schemas.TryGetProperty("NukiIntegrationRequest", out _));
    }

    [Theory]
    [InlineData("ProblemDetails")]
    [InlineData("HttpValidationProblemDetails")]
    public async Task ProblemSchemasDescribeTheCodeAndAllowMoreMembers(string name)
    {
        using var client = factory.CreateClient();

        var schema = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("components").GetProperty("schemas").GetProperty(name);

        Assert.True(schema.GetProperty("properties").TryGetProperty("code", out _), schema.ToString());
        Assert.True(schema.GetProperty("properties").TryGetProperty("trace_id", out _), schema.ToString());
        Assert.Contains("code", schema.GetProperty("required").EnumerateArray().Select(item => item.GetString()));
        Assert.False(schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False, schema.ToString());
    }

    [Fact]
    public async Task AProblemBodyHasOnlyMembersTheProblemSchemaNames()
    {
        using var client = factory.CreateAuthenticatedClient();
        var schema = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");

        using var response = await client.GetAsync($"/v1/bookings/{Guid.NewGuid()}");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(body.EnumerateObject(), member => Assert.True(schema.GetProperty("properties").TryGetProperty(member.Name, out _), member.Name));
    }

    [Fact]
    public async Task SchemasUseTheSnakeCaseWireNames()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var request = document.GetProperty("components").GetProperty("schemas").GetProperty("PropertyRequest");
        Assert.True(request.GetProperty("properties").TryGetProperty("rooms_count", out _));
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
