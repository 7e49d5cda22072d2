using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasify.Api.Integrations;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Fakes.UniFi;
using Kasify.Testing;

namespace Kasify.Api.Tests.Integrations;

[Collection(ApiCollection.Name)]
public sealed class IntegrationsApiTests(KasifyApiFactory factory)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task ANukiIntegrationCanBeConnectedListedUpdatedAndDeleted()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        factory.Nuki.State.AddAccount(token);

        using var create = await owner.PostAsJsonAsync("/v1/integrations/nuki", new { name = "Nuki at home", token });
        var createdText = await create.Content.ReadAsStringAsync();
        var created = JsonDocument.Parse(createdText).RootElement;
        var id = created.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal($"/v1/integrations/nuki/{id}", create.Headers.Location?.OriginalString);
        Assert.Equal(
            ["type", "id", "name", "token_hint", "smartlock_count", "created_at", "updated_at"],
            created.EnumerateObject().Select(field => field.Name));
        Assert.Equal("nuki", created.GetProperty("type").GetString());
        Assert.Equal("Nuki at home", created.GetProperty("name").GetString());
        Assert.Equal("••••" + token[^4..], created.GetProperty("token_hint").GetString());
        Assert.Equal(0, created.GetProperty("smartlock_count").GetInt32());
        Assert.DoesNotContain(token, createdText, StringComparison.Ordinal);

        var all = await owner.GetStringAsync("/v1/integrations");
        Assert.DoesNotContain(token, all, StringComparison.Ordinal);
        var listed = Assert.Single(JsonDocument.Parse(all).RootElement.GetProperty("integrations").EnumerateArray());
        Assert.Equal(created.ToString(), listed.ToString());
        Assert.Equal([id], ApiLocks.Ids((await ReadAsync(await owner.GetAsync("/integrations/nuki"))).GetProperty("integrations")));
        Assert.Equal([id], ApiLocks.Ids((await ReadAsync(await owner.GetAsync("/v1/integrations/NUKI"))).GetProperty("integrations")));
        Assert.Empty((await ReadAsync(await owner.GetAsync("/v1/integrations/unifi"))).GetProperty("integrations").EnumerateArray());

        var newToken = ApiLocks.NewToken();
        factory.Nuki.State.AddAccount(newToken);
        using var update = await owner.PutAsJsonAsync($"/v1/integrations/nuki/{id}", new { name = "Nuki", token = newToken });
        var updatedText = await update.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var updated = JsonDocument.Parse(updatedText).RootElement;
        Assert.Equal("Nuki", updated.GetProperty("name").GetString());
        Assert.Equal("••••" + newToken[^4..], updated.GetProperty("token_hint").GetString());
        Assert.DoesNotContain(newToken, updatedText, StringComparison.Ordinal);

        using var delete = await owner.DeleteAsync($"/integrations/nuki/{id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty((await ReadAsync(await owner.GetAsync("/v1/integrations"))).GetProperty("integrations").EnumerateArray());
        using var again = await owner.DeleteAsync($"/v1/integrations/nuki/{id}");
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound, "integration.not_found");
    }

    [Fact]
    public async Task AUnifiIntegrationPinsTheConsoleCertificateAndListsItsDoors()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var fingerprint = string.Join(':', Enumerable.Range(0, 32).Select(i => factory.UniFi.CertificateFingerprint!.Substring(i * 2, 2))).ToLowerInvariant();

        using var create = await owner.PostAsJsonAsync("/v1/integrations/unifi", new
        {
            name = "Building",
            url = factory.UniFi.BaseUrl.ToString(),
            api_token = UniFiFakeSeed.Token,
            certificate_sha256 = fingerprint,
        });
        var createdText = await create.Content.ReadAsStringAsync();
        Assert.True(create.StatusCode == HttpStatusCode.Created, createdText);
        var created = JsonDocument.Parse(createdText).RootElement;
        var id = created.GetProperty("id").GetGuid();

        Assert.Equal(
            ["type", "id", "name", "token_hint", "url", "certificate_sha256", "smartlock_count", "created_at", "updated_at"],
            created.EnumerateObject().Select(field => field.Name));
        Assert.Equal("unifi", created.GetProperty("type").GetString());
        Assert.Equal(factory.UniFi.BaseUrl, new Uri(created.GetProperty("url").GetString()!));
        Assert.Equal(factory.UniFi.CertificateFingerprint, created.GetProperty("certificate_sha256").GetString()!.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant());
        Assert.Equal("••••" + UniFiFakeSeed.Token[^4..], created.GetProperty("token_hint").GetString());
        Assert.DoesNotContain(UniFiFakeSeed.Token, createdText, StringComparison.Ordinal);
        Assert.Equal([id], ApiLocks.Ids((await ReadAsync(await owner.GetAsync("/v1/integrations/UNIFI"))).GetProperty("integrations")));

        var doors = await ReadAsync(await owner.GetAsync($"/v1/integrations/unifi/{id}/smartlocks"));
        Assert.Equal("online", doors.GetProperty("unifi_status").GetString());
        Assert.False(doors.GetProperty("truncated").GetBoolean());
        var main = doors.GetProperty("smartlocks").EnumerateArray().Single(door => door.GetProperty("door_id").GetString() == UniFiFakeSeed.MainDoorId);
        Assert.Equal(["floor_id", "door_id", "name", "assigned_property"], main.EnumerateObject().Select(field => field.Name));
        Assert.Equal(UniFiFakeSeed.GroundFloorId, main.GetProperty("floor_id").GetString());
        Assert.Equal("Main Door", main.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, main.GetProperty("assigned_property").ValueKind);
    }

    [Fact]
    public async Task CredentialsTheVendorRefusesAre400InvalidCredentials()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var nuki = await owner.PostAsJsonAsync("/v1/integrations/nuki", new { name = "Nuki", token = ApiLocks.NewToken() });
        await ProblemAssert.IsProblemAsync(nuki, HttpStatusCode.BadRequest, "integration.invalid_credentials");

        using var unifi = await owner.PostAsJsonAsync("/v1/integrations/unifi", ApiLocks.UnifiBody(factory, ApiLocks.NewToken("unifi")));
        await ProblemAssert.IsProblemAsync(unifi, HttpStatusCode.BadRequest, "integration.invalid_credentials");

        Assert.Empty((await ReadAsync(await owner.GetAsync("/v1/integrations"))).GetProperty("integrations").EnumerateArray());
    }

    [Fact]
    public async Task AVendorThatDoesNotAnswerIs503Unreachable()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var closedPort = await owner.PostAsJsonAsync("/v1/integrations/unifi", new
        {
            name = "Building",
            url = $"https://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            api_token = UniFiFakeSeed.Token,
        });
        await ProblemAssert.IsProblemAsync(closedPort, HttpStatusCode.ServiceUnavailable, "integration.unreachable");

        var token = ApiLocks.NewToken();
        factory.Nuki.State.AddAccount(token);
        factory.Nuki.State.Options.ErrorRate = 1;
        try
        {
            using var failing = await owner.PostAsJsonAsync("/v1/integrations/nuki", new { name = "Nuki", token });
            await ProblemAssert.IsProblemAsync(failing, HttpStatusCode.ServiceUnavailable, "integration.unreachable");
        }
        finally
        {
            factory.Nuki.State.Options.ErrorRate = 0;
        }

        Assert.Empty((await ReadAsync(await owner.GetAsync("/v1/integrations"))).GetProperty("integrations").EnumerateArray());
    }

    [Theory]
    [InlineData("get", "/v1/integrations/ses")]
    [InlineData("get", "/integrations/zigbee")]
    [InlineData("post", "/v1/integrations/zigbee")]
    [InlineData("put", "/v1/integrations/zigbee/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("delete", "/v1/integrations/zigbee/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public async Task AnUnknownTypeIs404UnknownType(string method, string path)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "post" or "put")
        {
            request.Content = Json("""{"name":"x","token":"abcdefabcdefabcdef"}""");
        }

        using var response = await owner.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "integration.unknown_type");
    }

    [Fact]
    public async Task AnotherAccountsIntegrationDoesNotExistForTheCaller()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var id = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();

        Assert.Empty((await ReadAsync(await stranger.GetAsync("/v1/integrations"))).GetProperty("integrations").EnumerateArray());
        using var devices = await stranger.GetAsync($"/v1/integrations/nuki/{id}/smartlocks");
        await ProblemAssert.IsProblemAsync(devices, HttpStatusCode.NotFound, "integration.not_found");
        using var update = await stranger.PutAsJsonAsync($"/v1/integrations/nuki/{id}", new { name = "Mine now", token });
        await ProblemAssert.IsProblemAsync(update, HttpStatusCode.NotFound, "integration.not_found");
        using var delete = await stranger.DeleteAsync($"/v1/integrations/nuki/{id}");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound, "integration.not_found");

        Assert.Equal([id], ApiLocks.Ids((await ReadAsync(await owner.GetAsync("/v1/integrations"))).GetProperty("integrations")));
    }

    [Fact]
    public async Task AnIntegrationAddressedUnderAnotherTypeDoesNotExist()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var id = (await owner.ConnectNukiAsync(factory, ApiLocks.NewToken())).GetProperty("id").GetGuid();

        using var devices = await owner.GetAsync($"/v1/integrations/unifi/{id}/smartlocks");
        await ProblemAssert.IsProblemAsync(devices, HttpStatusCode.NotFound, "integration.not_found");
        using var update = await owner.PutAsJsonAsync($"/v1/integrations/unifi/{id}", ApiLocks.UnifiBody(factory, UniFiFakeSeed.Token));
        await ProblemAssert.IsProblemAsync(update, HttpStatusCode.NotFound, "integration.not_found");
        using var delete = await owner.DeleteAsync($"/v1/integrations/unifi/{id}");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound, "integration.not_found");

        Assert.Equal([id], ApiLocks.Ids((await ReadAsync(await owner.GetAsync("/v1/integrations/nuki"))).GetProperty("integrations")));
    }

    [Fact]
    public async Task ASecondIntegrationOfTheSameTypeIs409Exists()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        await owner.ConnectNukiAsync(factory, ApiLocks.NewToken());
        var token = ApiLocks.NewToken();
        factory.Nuki.State.AddAccount(token);

        using var second = await owner.PostAsJsonAsync("/v1/integrations/nuki", new { name = "Other", token });

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict, "integration.exists");
    }

    [Theory]
    [InlineData("nuki", """{"token":"abcdefabcdefabcdef"}""", "name")]
    [InlineData("nuki", """{"name":"Nuki"}""", "token")]
    [InlineData("nuki", """{"name":"   ","token":"abcdefabcdefabcdef"}""", "name")]
    [InlineData("nuki", """{"name":"Nuki","token":12345}""", "token")]
    [InlineData("nuki", """{"name":"Nuki","token":"abcdefabcdefabcdef","colour":"blue"}""", "colour")]
    [InlineData("nuki", """{"name":"Nuki","token":"abcdefabcdefabcdef","url":"https://example.org"}""", "url")]
    [InlineData("nuki", """["Nuki"]""", "body")]
    [InlineData("unifi", """{"name":"B","url":"http://192.168.1.1:12445","api_token":"abcdefabcdefabcdef"}""", "url")]
    [InlineData("unifi", """{"name":"B","url":"/api/v1","api_token":"abcdefabcdefabcdef"}""", "url")]
    [InlineData("unifi", """{"name":"B","url":"https://192.168.1.1:12445/?x=1","api_token":"abcdefabcdefabcdef"}""", "url")]
    [InlineData("unifi", """{"name":"B","url":"https://192.168.1.1","api_token":"abcdefabcdefabcdef","certificate_sha256":"abc"}""", "certificate_sha256")]
    [InlineData("unifi", """{"name":"B","url":"https://192.168.1.1","api_token":"abcdefabcdefabcdef","certificate_sha256":"ZZ"}""", "certificate_sha256")]
    [InlineData("unifi", """{"name":"B","url":"https://192.168.1.1"}""", "api_token")]
    [InlineData("unifi", """{"name":"B","url":"https://192.168.1.1","token":"abcdefabcdefabcdef"}""", "token")]
    public async Task InvalidBodiesAreFieldErrors(string type, string body, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var create = await owner.PostAsync($"/v1/integrations/{type}", Json(body));
        using var update = await owner.PutAsync($"/v1/integrations/{type}/{Guid.NewGuid()}", Json(body));

        foreach (var response in new[] { create, update })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }
    }

    [Theory]
    [InlineData("https://192.168.1.1", "https://192.168.1.1:12445/")]
    [InlineData("https://console.example.org/", "https://console.example.org:12445/")]
    [InlineData("https://192.168.1.1:12445", "https://192.168.1.1:12445/")]
    [InlineData("https://192.168.1.1:443", "https://192.168.1.1/")]
    [InlineData("https://[::1]", "https://[::1]:12445/")]
    [InlineData("https://[::1]:8443", "https://[::1]:8443/")]
    public void AConsoleUrlWithoutAPortUsesTheDeveloperApiPort(string text, string expected)
    {
        Assert.Equal(new Uri(expected), UnifiIntegrationHandler.ConsoleUrl(text));
    }

    [Fact]
    public async Task TheNukiLockListShowsEachLockAndWhereItIsAssigned()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var front = factory.SeedNukiLock(token, "Front Door");
        var garden = factory.SeedNukiLock(token, "Garden Gate");
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync("Casa Verde")).GetProperty("id").GetGuid();
        var smartLockId = (await owner.AssignNukiLockAsync(propertyId, integrationId, front)).GetProperty("id").GetGuid();

        var text = await owner.GetStringAsync($"/integrations/nuki/{integrationId}/smartlocks");
        var listing = JsonDocument.Parse(text).RootElement;

        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.Equal("online", listing.GetProperty("nuki_status").GetString());
        Assert.False(listing.GetProperty("truncated").GetBoolean());
        var locks = listing.GetProperty("smartlocks").EnumerateArray().ToDictionary(item => item.GetProperty("smartlock_id").GetInt64());
        Assert.Equal([front, garden], locks.Keys.Order());
        Assert.Equal(
            ["smartlock_id", "name", "lock_state", "battery_charge", "battery_critical", "offline", "assigned_property"],
            locks[front].EnumerateObject().Select(field => field.Name));
        Assert.Equal("Front Door", locks[front].GetProperty("name").GetString());
        Assert.Equal(64, locks[front].GetProperty("battery_charge").GetInt32());
        Assert.False(locks[front].GetProperty("offline").GetBoolean());
        var assigned = locks[front].GetProperty("assigned_property");
        Assert.Equal(propertyId, assigned.GetProperty("property_id").GetGuid());
        Assert.Equal("Casa Verde", assigned.GetProperty("property_name").GetString());
        Assert.Equal(smartLockId, assigned.GetProperty("smartlock_record_id").GetGuid());
        Assert.Equal(JsonValueKind.Null, locks[garden].GetProperty("assigned_property").ValueKind);
        Assert.Equal(1, (await ReadAsync(await owner.GetAsync("/v1/integrations/nuki"))).GetProperty("integrations")[0].GetProperty("smartlock_count").GetInt32());
    }

    [Fact]
    public async Task WhenNukiFailsTheLockListIsTheLastKnownOneMarkedUnreachable()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockId = factory.SeedNukiLock(token, "Front Door");
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        Assert.Equal("online", (await ReadAsync(await owner.GetAsync($"/v1/integrations/nuki/{integrationId}/smartlocks"))).GetProperty("nuki_status").GetString());

        factory.Nuki.State.Options.ErrorRate = 1;
        JsonElement listing;
        try
        {
            using var response = await owner.GetAsync($"/v1/integrations/nuki/{integrationId}/smartlocks");
            listing = await response.ReadSuccessAsync();
        }
        finally
        {
            factory.Nuki.State.Options.ErrorRate = 0;
        }

        Assert.Equal("unreachable", listing.GetProperty("nuki_status").GetString());
        var known = Assert.Single(listing.GetProperty("smartlocks").EnumerateArray());
        Assert.Equal(smartlockId, known.GetProperty("smartlock_id").GetInt64());
        Assert.Equal("Front Door", known.GetProperty("name").GetString());
        Assert.True(known.GetProperty("offline").GetBoolean());
    }

    [Fact]
    public async Task AnIntegrationWithAssignedLocksCannotBeDeleted()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockId = factory.SeedNukiLock(token);
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var smartLockId = (await owner.AssignNukiLockAsync(propertyId, integrationId, smartlockId)).GetProperty("id").GetGuid();

        using var inUse = await owner.DeleteAsync($"/v1/integrations/nuki/{integrationId}");
        await ProblemAssert.IsProblemAsync(inUse, HttpStatusCode.Conflict, "integration.in_use");

        using var unassign = await owner.DeleteAsync($"/v1/properties/{propertyId}/smartlocks/{smartLockId}");
        Assert.Equal(HttpStatusCode.NoContent, unassign.StatusCode);
        using var delete = await owner.DeleteAsync($"/v1/integrations/nuki/{integrationId}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task WithoutATokenEveryIntegrationEndpointIs401()
    {
        using var anonymous = factory.CreateClient();

        using var list = await anonymous.GetAsync("/v1/integrations");
        using var create = await anonymous.PostAsync("/v1/integrations/nuki", Json("""{"name":"Nuki","token":"abcdefabcdefabcdef"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
    }
}
