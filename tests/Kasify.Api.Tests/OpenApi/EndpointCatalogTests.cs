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
