using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Calendar;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;
using Kasify.Grains.Interfaces.Rentals;
using static Kasify.Api.Tests.Infrastructure.ApiResponses;

namespace Kasify.Api.Tests.Timeline;

[Collection(ApiCollection.Name)]
public sealed class TimelineApiTests(KasifyApiFactory factory)
{
    private static Task<JsonElement> ReadAsync(HttpResponseMessage response) => response.ReadSuccessAsync();

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    [Fact]
    public async Task UpcomingGroupsArrivalsAndDeparturesByDayInEachPropertysZone()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        using var staff = factory.CreateAuthenticatedClient();
        var staffId = await staff.RegisterAsync();
        using var contractor = factory.CreateAuthenticatedClient();
        var contractorId = await contractor.RegisterAsync();
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();
        var madrid = await factory.CreatePropertyWithCrewAsync(ownerId, "Madrid", "Europe/Madrid", (staffId, AccessLevel.Staff), (contractorId, AccessLevel.Contractor));
        var auckland = await factory.CreatePropertyWithCrewAsync(ownerId, "Auckland", "Pacific/Auckland", (staffId, AccessLevel.Staff));
        var inMadrid = Today("Europe/Madrid");
        var inAuckland = Today("Pacific/Auckland");
        var a = await owner.CreateBookingAsync(madrid, new { from = Day(inMadrid.AddDays(1)), to = Day(inMadrid.AddDays(3)), guest_first_name = "Ana" });
        var b = await owner.CreateBookingAsync(auckland, new { from = Day(inAuckland.AddDays(1)), to = Day(inAuckland.AddDays(2)) });
        await owner.CreateBookingAsync(madrid, new { from = Day(inMadrid.AddDays(20)), to = Day(inMadrid.AddDays(22)) });

        var days = await ReadAsync(await owner.GetAsync("/v1/timeline/upcoming"));
        var twoDays = await ReadAsync(await owner.GetAsync("/v1/timeline/upcoming?days=2"));
        var forStaff = await ReadAsync(await staff.GetAsync("/v1/timeline/upcoming?days=31"));
        var forContractor = await ReadAsync(await contractor.GetAsync("/v1/timeline/upcoming"));
        var forStranger = await ReadAsync(await stranger.GetAsync("/v1/timeline/upcoming"));

        var dates = days.EnumerateArray().Select(day => day.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(days.EnumerateArray(), day => Assert.NotEmpty(day.GetProperty("events").EnumerateArray()));
        var events = days.EnumerateArray()
            .SelectMany(day => day.GetProperty("events").EnumerateArray().Select(item => (Date: day.GetProperty("date").GetString(), Item: item)))
            .Select(entry => (entry.Date, Booking: entry.Item.GetProperty("booking_id").GetString(), Type: entry.Item.GetProperty("type").GetString()))
            .Where(entry => entry.Type != "task") // each departure's cleaning task is an event too (see Tasks/TasksApiTests)
            .ToList();
        Assert.Equal(4, events.Count);
        Assert.Contains((Day(inMadrid.AddDays(1)), Id(a), "arrival"), events);
        Assert.Contains((Day(inMadrid.AddDays(3)), Id(a), "departure"), events);
        Assert.Contains((Day(inAuckland.AddDays(1)), Id(b), "arrival"), events);
        Assert.Contains((Day(inAuckland.AddDays(2)), Id(b), "departure"), events);
        var first = days.EnumerateArray().SelectMany(day => day.GetProperty("events").EnumerateArray()).First(item => item.GetProperty("booking_id").GetString() == Id(a));
        Assert.Equal(
            ["type", "at", "property_id", "property_name", "booking_id", "task_id", "channel", "guests_number", "guest_name"],
            first.EnumerateObject().Select(field => field.Name));
        Assert.Equal("Ana", first.GetProperty("guest_name").GetString());
        Assert.Equal("Madrid", first.GetProperty("property_name").GetString());

        Assert.Equal(2, twoDays.EnumerateArray().SelectMany(day => day.GetProperty("events").EnumerateArray()).Count()); // the two arrivals
        var staffEvents = forStaff.EnumerateArray().SelectMany(day => day.GetProperty("events").EnumerateArray())
            .Where(item => item.GetProperty("type").GetString() != "task").ToList();
        Assert.Equal(6, staffEvents.Count);
        Assert.All(staffEvents, item => Assert.Equal(JsonValueKind.Null, item.GetProperty("guest_name").ValueKind));
        Assert.Empty(forContractor.EnumerateArray());
        Assert.Empty(forStranger.EnumerateArray());
    }

    [Theory]
    [InlineData("/v1/timeline/upcoming?days=0", "days")]
    [InlineData("/v1/timeline/upcoming?days=32", "days")]
    [InlineData("/v1/timeline/upcoming?days=week", "days")]
    [InlineData("/v1/timeline/activity?page=-1", "page")]
    [InlineData("/v1/timeline/activity?size=101", "size")]
    [InlineData("/v1/timeline/activity?propertyId=nope", "propertyId")]
    public async Task BadTimelineParametersAreFieldErrors(string path, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.GetAsync(path);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task ActivityIsAPagedNewestFirstFeedOfTheCallersProperties()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        using var staff = factory.CreateAuthenticatedClient();
        var staffId = await staff.RegisterAsync();
        using var contractor = factory.CreateAuthenticatedClient();
        var contractorId = await contractor.RegisterAsync();
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();
        var first = await factory.CreatePropertyWithCrewAsync(ownerId, "First", "Europe/Madrid", (staffId, AccessLevel.Staff), (contractorId, AccessLevel.Contractor));
        var second = await factory.CreatePropertyWithCrewAsync(ownerId, "Second", "Europe/Madrid");
        var one = await owner.CreateBookingAsync(first, new { from = "2030-07-01", to = "2030-07-05", guest_first_name = "Ana", guest_email = "ana@example.org" });
        await owner.CreateBookingAsync(second, new { from = "2030-07-01", to = "2030-07-05", channel = "vrbo" });
        using (await owner.PatchAsJsonAsync($"/v1/bookings/{Id(one)}", new { to = "2030-07-06" }))
        {
        }

        using (await owner.PatchAsJsonAsync($"/v1/bookings/{Id(one)}", new { status = "cancelled" }))
        {
        }

        // The feed is written from each calendar's outbox right after the answer, so it follows within moments.
        await ApiLocks.WaitUntilAsync(
            async () => (await ReadAsync(await owner.GetAsync("/v1/timeline/activity"))).GetProperty("total_elements").GetInt64() == 4,
            "the four booking entries are in the feed");
        var all = await ReadAsync(await owner.GetAsync("/v1/timeline/activity"));
        var page1 = await ReadAsync(await owner.GetAsync("/v1/timeline/activity?page=1&size=3"));
        var page0 = await ReadAsync(await owner.GetAsync("/v1/timeline/activity?page=0&size=3"));
        var onlySecond = await ReadAsync(await owner.GetAsync($"/timeline/activity?propertyId={second}"));
        var forStaff = await ReadAsync(await staff.GetAsync("/v1/timeline/activity"));
        var forContractor = await ReadAsync(await contractor.GetAsync("/v1/timeline/activity"));
        var forStranger = await ReadAsync(await stranger.GetAsync($"/v1/timeline/activity?propertyId={first}"));

        var content = all.GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["booking_cancelled", "booking_changed", "booking_created", "booking_created"], content.Select(item => item.GetProperty("kind").GetString()));
        Assert.Equal(4, all.GetProperty("total_elements").GetInt64());
        var times = content.Select(item => item.GetProperty("occurred_at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(
            ["id", "property_id", "property_name", "kind", "occurred_at", "booking_id", "actor_user_id", "summary"],
            content[0].EnumerateObject().Select(field => field.Name));
        Assert.Equal("First", content[0].GetProperty("property_name").GetString());
        Assert.Equal(Id(one), content[0].GetProperty("booking_id").GetString());
        Assert.Equal(ownerId, content[0].GetProperty("actor_user_id").GetGuid());
        Assert.Equal("Booking 1–6 Jul 2030 cancelled (manual, 1 guest)", content[0].GetProperty("summary").GetString());
        Assert.DoesNotContain("Ana", all.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ana@example.org", all.ToString(), StringComparison.Ordinal);

        Assert.Equal(content.Take(3).Select(Id), page0.GetProperty("content").EnumerateArray().Select(Id));
        Assert.Equal(content.Skip(3).Select(Id), page1.GetProperty("content").EnumerateArray().Select(Id));
        Assert.Equal(2, page1.GetProperty("total_pages").GetInt32());
        Assert.Equal(1, page1.GetProperty("page").GetInt32());
        Assert.Equal(3, page1.GetProperty("size").GetInt32());
        var secondsEntry = Assert.Single(onlySecond.GetProperty("content").EnumerateArray());
        Assert.Equal(second, secondsEntry.GetProperty("property_id").GetGuid());

        Assert.Equal(3, forStaff.GetProperty("total_elements").GetInt64());
        Assert.All(forStaff.GetProperty("content").EnumerateArray(), item => Assert.Equal(first, item.GetProperty("property_id").GetGuid()));
        Assert.Equal(0, forContractor.GetProperty("total_elements").GetInt64());
        Assert.Empty(forStranger.GetProperty("content").EnumerateArray());
        Assert.Equal(0, forStranger.GetProperty("total_elements").GetInt64());
    }
}
