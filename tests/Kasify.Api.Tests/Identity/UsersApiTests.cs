using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Identity;

[Collection(ApiCollection.Name)]
public sealed class UsersApiTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task OnlyAdministratorsListUsers()
    {
        using var user = factory.CreateAuthenticatedClient();
        var userId = await user.RegisterAsync();
        using var admin = factory.CreateAuthenticatedClient(claims: [new Claim("https://kasify.app/roles", "admin")]);

        using var forbidden = await user.GetAsync("/v1/users");
        using var allowed = await admin.GetAsync("/v1/users?page=0&size=100");
        var page = await allowed.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(0, page.GetProperty("page").GetInt32());
        Assert.Equal(100, page.GetProperty("size").GetInt32());
        Assert.True(page.GetProperty("total_elements").GetInt64() >= 1);
        Assert.True(page.GetProperty("total_pages").GetInt32() >= 1);
        var ids = new List<Guid>();
        for (var index = 0; index < page.GetProperty("total_pages").GetInt32(); index++)
        {
            var each = await (await admin.GetAsync($"/v1/users?page={index}&size=100")).Content.ReadFromJsonAsync<JsonElement>();
            ids.AddRange(each.GetProperty("content").EnumerateArray().Select(entry => entry.GetProperty("id").GetGuid()));
        }

        Assert.Contains(userId, ids);
    }

    [Fact]
    public async Task APageLargerThanTheMaximumIsAFieldError()
    {
        using var admin = factory.CreateAuthenticatedClient(claims: [new Claim("https://kasify.app/roles", "admin")]);

        using var response = await admin.GetAsync("/v1/users?size=500");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("size", out _));
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("size=0", "size")]
    [InlineData("size=ten", "size")]
    public async Task MalformedPagingParametersAreFieldErrors(string query, string field)
    {
        using var admin = factory.CreateAuthenticatedClient(claims: [new Claim("https://kasify.app/roles", "admin")]);

        using var response = await admin.GetAsync($"/v1/users?{query}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task APageBeyondTheLastIsEmpty()
    {
        using var admin = factory.CreateAuthenticatedClient(claims: [new Claim("https://kasify.app/roles", "admin")]);

        var page = await (await admin.GetAsync("/v1/users?page=21474837&size=100")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Empty(page.GetProperty("content").EnumerateArray());
        Assert.Equal(21474837, page.GetProperty("page").GetInt32());
    }
}
