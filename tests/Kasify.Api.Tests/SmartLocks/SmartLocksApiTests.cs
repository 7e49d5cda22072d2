using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.Calendar;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;
using Kasify.Fakes.UniFi;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Tests.SmartLocks;

[Collection(ApiCollection.Name)]
public sealed class SmartLocksApiTests(KasifyApiFactory factory)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task ANukiLockCanBeAssignedListedWithItsStatusAndRemoved()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockId = factory.SeedNukiLock(token, "Front Door");
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var add = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/smartlocks", new { integration_id = integrationId, smartlock_id = smartlockId, name = "Entrance" });
        var addedText = await add.Content.ReadAsStringAsync();
        Assert.True(add.StatusCode == HttpStatusCode.Created, addedText);
        var added = JsonDocument.Parse(addedText).RootElement;
        var id = added.GetProperty("id").GetGuid();

        Assert.Equal($"/v1/properties/{propertyId}/smartlocks/{id}", add.Headers.Location?.OriginalString);
        Assert.DoesNotContain(token, addedText, StringComparison.Ordinal);
        Assert.Equal(
            ["id", "integration_id", "provider", "external_id", "name", "lock_state", "door_state", "battery_charge", "battery_critical", "online",
             "status_checked_at", "stale", "active_codes", "assigned_at"],
            added.EnumerateObject().Select(field => field.Name));
        Assert.Equal(integrationId, added.GetProperty("integration_id").GetGuid());
        Assert.Equal("nuki", added.GetProperty("provider").GetString());
        Assert.Equal(smartlockId.ToString(System.Globalization.CultureInfo.InvariantCulture), added.GetProperty("external_id").GetString());
        Assert.Equal("Entrance", added.GetProperty("name").GetString());
        Assert.Equal(0, added.GetProperty("active_codes").GetInt32());

        var listText = await owner.GetStringAsync($"/properties/{propertyId}/smartlocks");
        Assert.DoesNotContain(token, listText, StringComparison.Ordinal);
        var listed = Assert.Single(JsonDocument.Parse(listText).RootElement.GetProperty("smartlocks").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.Equal(64, listed.GetProperty("battery_charge").GetInt32());
        Assert.True(listed.GetProperty("online").GetBoolean());
        Assert.Equal("locked", listed.GetProperty("lock_state").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("status_checked_at").ValueKind);
        Assert.False(listed.GetProperty("stale").GetBoolean());

        using var remove = await owner.DeleteAsync($"/v1/properties/{propertyId}/smartlocks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Empty((await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/smartlocks"))).GetProperty("smartlocks").EnumerateArray());
    }

    [Fact]
    public async Task AUnifiDoorIsAssignedByItsDoorId()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var integrationId = (await owner.ConnectUnifiAsync(factory)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync("Apartment")).GetProperty("id").GetGuid();

        using var add = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/smartlocks", new { integration_id = integrationId, door_id = UniFiFakeSeed.ApartmentDoorId });
        var added = await add.ReadSuccessAsync();

        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        Assert.Equal("unifi", added.GetProperty("provider").GetString());
        Assert.Equal(UniFiFakeSeed.ApartmentDoorId, added.GetProperty("external_id").GetString());
        Assert.Equal("Apartment 2A", added.GetProperty("name").GetString());
        var doors = await ReadAsync(await owner.GetAsync($"/v1/integrations/unifi/{integrationId}/smartlocks"));
        var door = doors.GetProperty("smartlocks").EnumerateArray().Single(item => item.GetProperty("door_id").GetString() == UniFiFakeSeed.ApartmentDoorId);
        Assert.Equal(propertyId, door.GetProperty("assigned_property").GetProperty("property_id").GetGuid());
        Assert.Equal("Apartment", door.GetProperty("assigned_property").GetProperty("property_name").GetString());
    }

    [Fact]
    public async Task ADeviceAssignedToOnePropertyCannotBeAssignedToAnother()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockId = factory.SeedNukiLock(token);
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var first = (await owner.CreatePropertyAsync("First")).GetProperty("id").GetGuid();
        var second = (await owner.CreatePropertyAsync("Second")).GetProperty("id").GetGuid();
        await owner.AssignNukiLockAsync(first, integrationId, smartlockId);

        using var again = await owner.PostAsJsonAsync($"/v1/properties/{second}/smartlocks", new { integration_id = integrationId, external_id = smartlockId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "smartlock.assigned");
        Assert.Empty((await ReadAsync(await owner.GetAsync($"/v1/properties/{second}/smartlocks"))).GetProperty("smartlocks").EnumerateArray());
    }

    [Fact]
    public async Task ADeviceTheVendorDoesNotReportIsNotFound()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var integrationId = (await owner.ConnectNukiAsync(factory, ApiLocks.NewToken())).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/smartlocks", new { integration_id = integrationId, smartlock_id = 99 });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "smartlock.device_not_found");
    }

    [Fact]
    public async Task AnotherAccountsIntegrationCannotBeUsed()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockId = factory.SeedNukiLock(token);
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();
        var strangersProperty = (await stranger.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await stranger.PostAsJsonAsync($"/v1/properties/{strangersProperty}/smartlocks", new { integration_id = integrationId, smartlock_id = smartlockId });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "integration.not_found");
    }

    [Theory]
    [InlineData("""{"smartlock_id":1}""", "integration_id")]
    [InlineData("""{"integration_id":"not-a-uuid","smartlock_id":1}""", "integration_id")]
    [InlineData("""{"integration_id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""", "external_id")]
    [InlineData("""{"integration_id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","smartlock_id":1,"door_id":"d"}""", "smartlock_id")]
    [InlineData("""{"integration_id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","smartlock_id":"17"}""", "smartlock_id")]
    [InlineData("""{"integration_id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","smartlock_id":0}""", "smartlock_id")]
    [InlineData("""{"integration_id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","door_id":"d","name":"                    "}""", "name")]
    [InlineData("""{"integration_id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","door_id":"d","colour":"blue"}""", "colour")]
    public async Task InvalidAssignmentsAreFieldErrors(string body, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.PostAsync($"/v1/properties/{propertyId}/smartlocks", Json(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task ANameLongerThan100CharactersIsAFieldError()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/smartlocks", new { integration_id = Guid.NewGuid(), door_id = "d", name = new string('x', 101) });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
    }

    [Fact]
    public async Task OnlyOwnersAndManagersWorkWithAPropertysLocks()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        using var manager = factory.CreateAuthenticatedClient();
        var managerId = await manager.RegisterAsync();
        using var staff = factory.CreateAuthenticatedClient();
        var staffId = await staff.RegisterAsync();
        using var contractor = factory.CreateAuthenticatedClient();
        var contractorId = await contractor.RegisterAsync();
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockId = factory.SeedNukiLock(token);
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var propertyId = await factory.CreatePropertyWithCrewAsync(
            ownerId, "Crewed", "Europe/Madrid", (managerId, AccessLevel.Manager), (staffId, AccessLevel.Staff), (contractorId, AccessLevel.Contractor));

        await manager.AssignNukiLockAsync(propertyId, integrationId, smartlockId);
        Assert.Single((await ReadAsync(await manager.GetAsync($"/v1/properties/{propertyId}/smartlocks"))).GetProperty("smartlocks").EnumerateArray());

        foreach (var crew in new[] { staff, contractor })
        {
            using var list = await crew.GetAsync($"/v1/properties/{propertyId}/smartlocks");
            await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Forbidden, "smartlock.forbidden");
            using var add = await crew.PostAsJsonAsync($"/v1/properties/{propertyId}/smartlocks", new { integration_id = integrationId, smartlock_id = smartlockId });
            await ProblemAssert.IsProblemAsync(add, HttpStatusCode.Forbidden, "smartlock.forbidden");
        }

        using var strangerList = await stranger.GetAsync($"/v1/properties/{propertyId}/smartlocks");
        await ProblemAssert.IsProblemAsync(strangerList, HttpStatusCode.NotFound, "property.not_found");
    }

    [Fact]
    public async Task RemovingALockThePropertyDoesNotHaveIsNotFound()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.DeleteAsync($"/v1/properties/{propertyId}/smartlocks/{Guid.NewGuid()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "smartlock.not_found");
    }

    [Fact]
    public async Task RemovingALockRevokesItsCodesAtTheVendorFirst()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockId = factory.SeedNukiLock(token);
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var id = (await owner.AssignNukiLockAsync(propertyId, integrationId, smartlockId)).GetProperty("id").GetGuid();
        var tomorrow = ApiResponses.Today("Europe/Madrid").AddDays(1);
        var bookingId = (await owner.CreateBookingAsync(propertyId, new { from = ApiResponses.Day(tomorrow), to = ApiResponses.Day(tomorrow.AddDays(2)) })).GetProperty("id").GetGuid();
        await (await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null)).ReadSuccessAsync();
        await ApiLocks.WaitUntilAsync(() => Task.FromResult(factory.Nuki.State.CodesOn(smartlockId).Count == 1), "the code is on the lock");

        using var remove = await owner.DeleteAsync($"/v1/properties/{propertyId}/smartlocks/{id}");

        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        await ApiLocks.WaitUntilAsync(() => Task.FromResult(factory.Nuki.State.CodesOn(smartlockId).Count == 0), "the removed lock holds no code");
        Assert.Empty((await ReadAsync(await owner.GetAsync($"/v1/bookings/{bookingId}/accesscode"))).GetProperty("codes").EnumerateArray());
    }
}
