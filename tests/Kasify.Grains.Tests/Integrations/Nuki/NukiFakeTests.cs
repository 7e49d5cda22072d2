using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Fakes.Nuki;

namespace Kasify.Grains.Tests.Integrations.Nuki;

/// <summary>The fake's own surface: the vendor quirks the client never triggers, and the admin switches.</summary>
public sealed class NukiFakeTests : IAsyncLifetime
{
    private const long Lock = 18000000001;
    private readonly NukiFakeServer _fake = new();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _http.BaseAddress = await _fake.StartAsync();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "nuki-demo-token");
        NukiFakeServer.SeedDemo(_fake.State, "nuki-demo-token");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"name":"A name far too long for Nuki","type":13,"code":358946,"remoteAllowed":false}""", 422)]
    [InlineData("""{"name":"BK-1","type":13,"code":123456,"remoteAllowed":false}""", 400)]
    [InlineData("""{"name":"BK-1","type":13,"code":358906,"remoteAllowed":false}""", 400)]
    [InlineData("""{"type":13,"code":358946,"remoteAllowed":false}""", 400)]
    [InlineData("""{"name":"BK-1","type":13,"code":358946,"remoteAllowed":false}""", 204)]
    public async Task KeypadCodesAreValidatedAsNukiDoes(string body, int status)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PutAsync($"/smartlock/{Lock}/auth", content);

        Assert.Equal(status, (int)response.StatusCode);
        if (status == 204)
        {
            // Nuki never returns the new auth's id.
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task AListFilteredByAnUnknownTypeIsABadRequest()
    {
        using var response = await _http.GetAsync($"/smartlock/{Lock}/auth?types=13,x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task APartialUpdateClearsTheTimeRestrictions()
    {
        using var create = await _http.PutAsJsonAsync($"/smartlock/{Lock}/auth", new
        {
            name = "BK-1",
            type = 13,
            code = 358946,
            remoteAllowed = false,
            allowedFromDate = "2026-07-01T13:00:00.000Z",
            allowedUntilDate = "2026-07-05T09:00:00.000Z",
        });
        var id = (await AppliedAsync(c => true)).Id;

        using var update = await _http.PostAsJsonAsync($"/smartlock/{Lock}/auth/{id}", new { name = "BK-1", code = 358947 });

        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        var code = await AppliedAsync(c => c.Code == 358947);
        Assert.Equal((358947, null, null), (code.Code, code.AllowedFromDate, code.AllowedUntilDate));
    }

    [Fact]
    public async Task SwitchesAndSeedsWorkOverHttp()
    {
        using var seed = await _http.PostAsJsonAsync("/fake/smartlocks", new { token = "other", smartlockId = 42, name = "Shed" });
        using var offline = await _http.PostAsJsonAsync("/fake/smartlocks/42", new { offline = true });
        using var switches = await _http.PostAsJsonAsync("/fake/switches", new { errorRate = 1.0 });

        Assert.Equal(HttpStatusCode.NoContent, seed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, offline.StatusCode);
        Assert.Equal(1.0, (await switches.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorRate").GetDouble());
        using (var failing = await _http.GetAsync("/smartlock"))
        {
            Assert.True((int)failing.StatusCode >= 500);
        }

        _fake.State.Options.ErrorRate = 0;
        using var other = new HttpRequestMessage(HttpMethod.Get, "/smartlock");
        other.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "other");
        using var listed = await _http.SendAsync(other);
        var shed = Assert.Single((await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(4, shed.GetProperty("serverState").GetInt32());
        var state = await _http.GetFromJsonAsync<JsonElement>("/fake/state");
        Assert.Equal(4, state.GetProperty("smartlocks").GetArrayLength());
    }

    private async Task<FakeAuth> AppliedAsync(Func<FakeAuth, bool> match)
    {
        for (var i = 0; i < 200; i++)
        {
            if (_fake.State.CodesOn(Lock).SingleOrDefault(c => c.OperationId is null && match(c)) is { } code)
            {
                return code;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The fake never applied the change.");
    }

    [Fact]
    public async Task LoadLocksAreSpreadOverAccountsEachSeeingOnlyItsOwn()
    {
        var accounts = NukiFakeServer.SeedLoad(_fake.State, locks: 250, perAccount: 100, tokenPrefix: "nuki-load-");

        Assert.Equal(["nuki-load-1", "nuki-load-2", "nuki-load-3"], accounts.Select(account => account.Token));
        Assert.Equal([100, 100, 50], accounts.Select(account => account.LockIds.Count));
        Assert.Equal(250, accounts.SelectMany(account => account.LockIds).Distinct().Count());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/smartlock");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "nuki-load-3");
        using var response = await _http.SendAsync(request);
        var listed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(accounts[2].LockIds.Order(), listed.EnumerateArray().Select(l => l.GetProperty("smartlockId").GetInt64()).Order());
    }
}
