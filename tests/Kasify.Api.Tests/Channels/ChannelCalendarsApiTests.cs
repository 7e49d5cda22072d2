using System.Net;
using System.Net.Http.Json;
using Kasify.Api.Tests.Crew;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Channels;

[Collection(ApiCollection.Name)]
public sealed class ChannelCalendarsApiTests(KasifyApiFactory factory)
{
    [Theory]
    [InlineData("ftp://calendar.example/cal.ics", "vrbo", "url")]
    [InlineData("not a url", "vrbo", "url")]
    [InlineData("https://calendar.example/cal.ics", "myspace", "channel")]
    [InlineData(null, "vrbo", "url")]
    public async Task ABadCalendarIsRefusedWithAFieldError(string? url, string channel, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/calendars", new { url, channel });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task AnAddedCalendarIsListedAndASecondCopyOfItsUrlRefused()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var body = new { url = "https://www.vrbo.example/ical/listing-1.ics", channel = "vrbo", reading = "closures" };

        using var added = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/calendars", body);
        using var again = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/calendars", body);
        var listed = await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/v1/properties/{propertyId}/calendars");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "calendar.duplicate");
        var calendar = Assert.Single(listed.GetProperty("calendars").EnumerateArray());
        Assert.Equal(("vrbo", "closures"), (calendar.GetProperty("channel").GetString(), calendar.GetProperty("reading").GetString()));
        Assert.StartsWith("cal-", calendar.GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOwnerSeesEachCalendarsImportStatusInThePropertyAndOtherRolesDoNot()
    {
        using var owner = factory.CreateAuthenticatedClient();
        using var manager = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        await manager.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        await owner.JoinAsync(manager, propertyId, new { accessLevel = "manager" });
        Assert.Empty((await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/v1/properties/{propertyId}")).GetProperty("calendars").EnumerateArray());

        using var added = await owner.PostAsJsonAsync($"/v1/properties/{propertyId}/calendars", new { url = "https://www.vrbo.example/ical/listing-2.ics", channel = "vrbo" });
        var addedId = (await added.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        var asOwner = await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/v1/properties/{propertyId}");
        var asManager = await manager.GetFromJsonAsync<System.Text.Json.JsonElement>($"/v1/properties/{propertyId}");

        var calendar = Assert.Single(asOwner.GetProperty("calendars").EnumerateArray());
        Assert.Equal((addedId, "vrbo"), (calendar.GetProperty("id").GetString(), calendar.GetProperty("channel").GetString()));
        foreach (var field in new[] { "last_fetch_at", "last_success_at", "events", "last_error_code", "conflicts" })
        {
            Assert.True(calendar.TryGetProperty(field, out _), $"no {field} in {calendar}");
        }

        Assert.Equal(System.Text.Json.JsonValueKind.Null, asManager.GetProperty("calendars").ValueKind);
    }
}
