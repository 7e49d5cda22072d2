using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Identity;

[Collection(ApiCollection.Name)]
public sealed class AccessTokensApiTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task ATokenIsShownOnceWorksAsBearerAndStopsWorkingWhenRevoked()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var userId = await owner.RegisterAsync();

        using var created = await owner.PostAsJsonAsync("/v1/account/tokens", new { name = "laptop" });
        var token = await created.Content.ReadFromJsonAsync<JsonElement>();
        var raw = token.GetProperty("token").GetString()!;
        var listed = await (await owner.GetAsync("/v1/account/tokens")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("kas_pat_", raw);
        Assert.Equal(raw[..12], token.GetProperty("token_prefix").GetString());
        var item = Assert.Single(listed.EnumerateArray());
        Assert.False(item.TryGetProperty("token", out _));
        Assert.Equal(token.GetProperty("id").GetGuid(), item.GetProperty("id").GetGuid());

        using var withToken = factory.CreateBearerClient(raw);
        var account = await (await withToken.GetAsync("/v1/account")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(userId, account.GetProperty("user_id").GetGuid());

        using var revoke = await owner.DeleteAsync($"/v1/account/tokens/{token.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        using var afterRevoke = await withToken.GetAsync("/v1/account");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task APersonalAccessTokenCannotCreateOrRevokeTokens()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = await (await owner.PostAsJsonAsync("/v1/account/tokens", new { name = "ci" })).Content.ReadFromJsonAsync<JsonElement>();
        using var withToken = factory.CreateBearerClient(token.GetProperty("token").GetString()!);

        using var create = await withToken.PostAsJsonAsync("/v1/account/tokens", new { name = "successor" });
        using var revoke = await withToken.DeleteAsync($"/v1/account/tokens/{token.GetProperty("id").GetGuid()}");
        using var list = await withToken.GetAsync("/v1/account/tokens");

        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden, "token.interactive_login_required");
        await ProblemAssert.IsProblemAsync(revoke, HttpStatusCode.Forbidden, "token.interactive_login_required");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Single((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Fact]
    public async Task RevokingAnUnknownTokenIs404()
    {
        using var client = factory.CreateAuthenticatedClient();
        await client.RegisterAsync();

        using var response = await client.DeleteAsync($"/v1/account/tokens/{Guid.NewGuid()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "token.not_found");
    }

    [Fact]
    public async Task ATokenNeedsAName()
    {
        using var client = factory.CreateAuthenticatedClient();
        await client.RegisterAsync();

        using var response = await client.PostAsJsonAsync("/v1/account/tokens", new { expires_at = DateTimeOffset.UtcNow.AddDays(1) });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }
}
