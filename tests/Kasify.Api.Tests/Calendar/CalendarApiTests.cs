using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains.Interfaces.Rentals;
using static Kasify.Api.Tests.Infrastructure.ApiResponses;

namespace Kasify.Api.Tests.Calendar;

[Collection(ApiCollection.Name)]
public sealed class CalendarApiTests(KasifyApiFactory factory)
{
    private static Task<JsonElement> ReadAsync(HttpResponseMessage response) => response.ReadSuccessAsync();

    // Each booking's cleaning task is an event too (see Tasks/TasksApiTests); these tests are about the booking events.
    private static JsonElement[] BookingEvents(JsonElement events) =>
        [.. events.EnumerateArray().Where(item => item.GetProperty("type").GetString() == "booking")];

    private static string[] BookingIds(JsonElement events) =>
        [.. BookingEvents(events).Select(item => item.GetProperty("booking_id").GetString()!)];

    private static string Id(JsonElement booking) => booking.GetProperty("id").GetString()!;

    [Fact]
    public async Task ThePropertyCalendarShowsBookingsTouchingTheInclusiveWindow()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var leaving = await owner.CreateBookingAsync(propertyId, new { from = "2030-06-25", to = "2030-07-01" });
        var inside = await owner.CreateBookingAsync(propertyId, new { from = "2030-07-10", to = "2030-07-12", guest_first_name = "Ana", channel = "airbnb", adults_count = 2 });
        var arriving = await owner.CreateBookingAsync(propertyId, new { from = "2030-07-31", to = "2030-08-03" });
        var cancelled = await owner.CreateBookingAsync(propertyId, new { from = "2030-07-15", to = "2030-07-17" });
        using var cancel = await owner.PatchAsJsonAsync($"/v1/bookings/{Id(cancelled)}", new { status = "cancelled" });
        await owner.CreateBookingAsync(propertyId, new { from = "2030-08-05", to = "2030-08-07" });

        var events = await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/calendar?from=2030-07-01&to=2030-07-31"));
        var alias = await ReadAsync(await owner.GetAsync($"/properties/{propertyId}/calendar?from=2030-07-11&to=2030-07-11"));

        Assert.Equal([Id(leaving), Id(inside), Id(arriving)], BookingIds(events));
        var item = BookingEvents(events)[1];
        Assert.Equal(
            ["type", "id", "from", "to", "start_at", "end_at", "title", "status", "property_id", "booking_id", "task_id", "channel", "guests_number", "guest_name"],
            item.EnumerateObject().Select(field => field.Name));
        Assert.Equal("booking", item.GetProperty("type").GetString());
        Assert.Equal(Id(inside), item.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("task_id").ValueKind);
        Assert.Equal("2030-07-10", item.GetProperty("from").GetString());
        Assert.Equal("2030-07-12", item.GetProperty("to").GetString());
        Assert.Equal("2030-07-10T15:00:00+02:00", item.GetProperty("start_at").GetString());
        Assert.Equal("2030-07-12T11:00:00+02:00", item.GetProperty("end_at").GetString());
        Assert.Equal("confirmed", item.GetProperty("status").GetString());
        Assert.Equal("airbnb", item.GetProperty("channel").GetString());
        Assert.Equal(2, item.GetProperty("guests_number").GetInt32());
        Assert.Equal("Ana", item.GetProperty("guest_name").GetString());
        Assert.Equal([Id(inside)], BookingIds(alias));
    }

    [Fact]
    public async Task TheDefaultWindowIsTodayThroughOneMonthLater()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var today = Today("Europe/Madrid");
        var past = await owner.CreateBookingAsync(propertyId, new { from = Day(today.AddDays(-10)), to = Day(today.AddDays(-3)) });
        var soon = await owner.CreateBookingAsync(propertyId, new { from = Day(today.AddDays(2)), to = Day(today.AddDays(4)) });
        var lastDay = await owner.CreateBookingAsync(propertyId, new { from = Day(today.AddMonths(1)), to = Day(today.AddMonths(1).AddDays(2)) });
        await owner.CreateBookingAsync(propertyId, new { from = Day(today.AddMonths(1).AddDays(3)), to = Day(today.AddMonths(1).AddDays(5)) });

        var events = await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/calendar"));
        var onlyFrom = await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/calendar?from={Day(today.AddDays(-10))}"));

        Assert.Equal([Id(soon), Id(lastDay)], BookingIds(events));
        Assert.Equal([Id(past), Id(soon)], BookingIds(onlyFrom));
    }

    [Theory]
    [InlineData("from=2030-07-10&to=2030-07-09", "to")]
    [InlineData("from=2030-01-01&to=2031-01-02", "to")]
    [InlineData("from=2030-13-01", "from")]
    [InlineData("from=10/07/2030", "from")]
    [InlineData("to=tomorrow", "to")]
    [InlineData("from=2030-02-30&to=2030-03-01", "from")]
    [InlineData("from=9999-12-31", "from")]
    [InlineData("to=0001-01-01", "to")]
    public async Task BadWindowsAreFieldErrors(string query, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        foreach (var path in new[] { $"/v1/properties/{propertyId}/calendar?{query}", $"/v1/calendar?{query}" })
        {
            using var response = await owner.GetAsync(path);
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }

        using var aYear = await owner.GetAsync($"/v1/properties/{propertyId}/calendar?from=2032-01-01&to=2032-12-31");
        Assert.Equal(HttpStatusCode.OK, aYear.StatusCode);
    }

    [Fact]
    public async Task TheCalendarAcrossPropertiesGroupsByPropertyWithRolesApplied()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        using var staff = factory.CreateAuthenticatedClient();
        var staffId = await staff.RegisterAsync();
        using var contractor = factory.CreateAuthenticatedClient();
        var contractorId = await contractor.RegisterAsync();
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();
        var beta = await factory.CreatePropertyWithCrewAsync(ownerId, "Beta", "Europe/Madrid", (staffId, AccessLevel.Staff), (contractorId, AccessLevel.Contractor));
        var alpha = await factory.CreatePropertyWithCrewAsync(ownerId, "Alpha", "America/New_York", (staffId, AccessLevel.Staff));
        var onBeta = await owner.CreateBookingAsync(beta, new { from = "2030-07-10", to = "2030-07-12", guest_first_name = "Ana", guest_last_name = "García" });
        var onAlpha = await owner.CreateBookingAsync(alpha, new { from = "2030-07-03", to = "2030-07-05", guest_first_name = "Bo" });
        const string window = "from=2030-07-01&to=2030-07-31";

        var forOwner = await ReadAsync(await owner.GetAsync($"/v1/calendar?{window}"));
        var forStaff = await ReadAsync(await staff.GetAsync($"/v1/calendar?{window}"));
        var forContractor = await ReadAsync(await contractor.GetAsync($"/v1/calendar?{window}"));
        var forStranger = await ReadAsync(await stranger.GetAsync($"/v1/calendar?{window}"));
        using var strangersProperty = await stranger.GetAsync($"/v1/properties/{beta}/calendar?{window}");
        var contractorsProperty = await ReadAsync(await contractor.GetAsync($"/v1/properties/{beta}/calendar?{window}"));

        Assert.Equal(["Alpha", "Beta"], forOwner.EnumerateArray().Select(group => group.GetProperty("property_name").GetString()));
        Assert.Equal(
            ["property_id", "property_name", "time_zone", "from", "to", "events"],
            forOwner[0].EnumerateObject().Select(field => field.Name));
        Assert.Equal(alpha, forOwner[0].GetProperty("property_id").GetGuid());
        Assert.Equal("America/New_York", forOwner[0].GetProperty("time_zone").GetString());
        Assert.Equal("2030-07-01", forOwner[0].GetProperty("from").GetString());
        Assert.Equal([Id(onAlpha)], BookingIds(forOwner[0].GetProperty("events")));
        Assert.Equal("2030-07-03T15:00:00-04:00", forOwner[0].GetProperty("events")[0].GetProperty("start_at").GetString());
        Assert.Equal([Id(onBeta)], BookingIds(forOwner[1].GetProperty("events")));
        Assert.Equal("Ana García", forOwner[1].GetProperty("events")[0].GetProperty("guest_name").GetString());

        var staffEvent = forStaff[1].GetProperty("events")[0];
        Assert.Equal(JsonValueKind.Null, staffEvent.GetProperty("guest_name").ValueKind);
        Assert.DoesNotContain("Ana", staffEvent.ToString(), StringComparison.Ordinal);

        var contractorGroup = Assert.Single(forContractor.EnumerateArray());
        Assert.Equal(beta, contractorGroup.GetProperty("property_id").GetGuid());
        Assert.Empty(contractorGroup.GetProperty("events").EnumerateArray());
        Assert.Empty(contractorsProperty.EnumerateArray());

        Assert.Empty(forStranger.EnumerateArray());
        await ProblemAssert.IsProblemAsync(strangersProperty, HttpStatusCode.NotFound, "property.not_found");
    }
}
