using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.OpenApi;

[Collection(ApiCollection.Name)]
public sealed class EndpointCatalogTests(KasifyApiFactory factory)
{
    public static TheoryData<string, string, string> Operations => new()
    {
        { "post", "/v1/auth/register", "Auth" },
        { "get", "/v1/account", "Account" },
        { "put", "/v1/account", "Account" },
        { "get", "/v1/account/tokens", "ApiTokens" },
        { "post", "/v1/account/tokens", "ApiTokens" },
        { "delete", "/v1/account/tokens/{id}", "ApiTokens" },
        { "get", "/v1/users", "Users" },
        { "get", "/v1/properties", "Properties" },
        { "post", "/v1/properties", "Properties" },
        { "get", "/v1/properties/{id}", "Properties" },
        { "put", "/v1/properties/{id}", "Properties" },
        { "patch", "/v1/properties/{id}", "Properties" },
        { "delete", "/v1/properties/{id}", "Properties" },
        { "post", "/v1/properties/{id}/cover-image", "Properties" },
        { "get", "/v1/properties/{id}/cover-image", "Properties" },
        { "delete", "/v1/properties/{id}/cover-image", "Properties" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task TheDocumentDescribesEveryOperationWithTagSummaryAndBearerSecurity(string method, string path, string tag)
    {
        using var client = factory.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        var operation = paths.GetProperty(path).GetProperty(method);
        Assert.Equal(tag, Assert.Single(operation.GetProperty("tags").EnumerateArray()).GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()));
        Assert.True(operation.TryGetProperty("security", out _));
    }

    [Theory]
    [InlineData("post", "/v1/properties", "application/json", "PropertyRequest")]
    [InlineData("put", "/v1/properties/{id}", "application/json", "PropertyRequest")]
    [InlineData("patch", "/v1/properties/{id}", "application/merge-patch+json", "PropertyPatchRequest")]
    [InlineData("post", "/v1/account/tokens", "application/json", "CreateAccessTokenRequest")]
    [InlineData("put", "/v1/account", "application/json", "UpdateAccountRequest")]
    public async Task RequestBodiesAreDescribed(string method, string path, string contentType, string schema)
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var body = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content");
        var reference = body.GetProperty(contentType).GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/" + schema, reference);
        Assert.True(document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").EnumerateObject().Any());
    }

    [Fact]
    public async Task TheCoverImageUploadIsDescribedAsAMultipartFile()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var body = document.GetProperty("paths").GetProperty("/v1/properties/{id}/cover-image").GetProperty("post").GetProperty("requestBody");
        Assert.True(body.GetProperty("content").TryGetProperty("multipart/form-data", out _), body.ToString());
    }

    [Fact]
    public async Task RootAliasesAreServedButNotDocumentedTwice()
    {
        using var client = factory.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        Assert.False(paths.TryGetProperty("/properties", out _));
        Assert.True(paths.TryGetProperty("/v1/properties", out _));
    }

    [Fact]
    public async Task PropertySchemasUseTheReferenceFieldNames()
    {
        using var client = factory.CreateClient();

        var schemas = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("components").GetProperty("schemas");

        var response = schemas.GetProperty("PropertyResponse").GetProperty("properties");
        foreach (var field in new[] { "name", "id", "account_id", "zip_code", "country_code", "checkin_time", "ses_establishment_code", "has_internet", "rooms_count", "cover_image_url", "role" })
        {
            Assert.True(response.TryGetProperty(field, out _), $"PropertyResponse lacks {field}");
        }

        Assert.Contains("name", schemas.GetProperty("PropertyRequest").GetProperty("required").EnumerateArray().Select(item => item.GetString()));
    }
}
