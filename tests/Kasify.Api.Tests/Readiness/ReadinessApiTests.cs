using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Crew;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;

namespace Kasify.Api.Tests.Readiness;

/// <summary>
/// <c>GET /v1/bookings/{id}/readiness</c> and <c>GET /v1/properties/{id}/readiness</c> with the default offsets (48, 24 and
/// 2 hours): a stay arriving tomorrow is within the first offsets, so it is checked as soon as it is booked.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReadinessApiTests(KasifyApiFactory factory)
{
    private const string Zone = "Europe/Madrid";

    [Fact]
    public async Task OwnersSeeEveryCheckStaffOnlyTheLockAndCleaningChecksAndStrangersNothing()
    {
        var (owner, propertyId, bookingId) = await ArrangeAsync(ApiResponses.Today(Zone).AddDays(1));
        using var staff = factory.CreateAuthenticatedClient();
        await staff.RegisterAsync();
        await owner.JoinAsync(staff, propertyId, new { accessLevel = "staff", service = "cleaning" });
        using var contractor = factory.CreateAuthenticatedClient();
        await contractor.RegisterAsync();
        await owner.JoinAsync(contractor, propertyId, new { accessLevel = "contractor", service = "maintenance" });
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();

        var full = await WaitForCheckedAsync(owner, bookingId);

        Assert.Equal(
            ["booking_id", "property_id", "arrival_at", "last_offset", "next_check_at", "checks"],
            full.EnumerateObject().Select(field => field.Name));
        Assert.Contains(full.GetProperty("last_offset").GetString(), new[] { "48h", "24h" });
        var checks = full.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(
            ["check", "smartlock_id", "smartlock_name", "status", "evaluated_at", "action", "task_id", "task_reason_resolved", "backup_smartlock_id",
             "backup_smartlock_name", "backup_code_status"],
            checks[0].EnumerateObject().Select(field => field.Name));
        Assert.Equal(["access_code", "checkin", "cleaning", "lock_battery", "lock_online"], Kinds(full));
        var online = checks.Single(check => check.GetProperty("check").GetString() == "lock_online");
        Assert.Equal(("Front Door", "ok"), (online.GetProperty("smartlock_name").GetString(), online.GetProperty("status").GetString()));
        Assert.Equal("pending", checks.Single(check => check.GetProperty("check").GetString() == "cleaning").GetProperty("status").GetString());

        foreach (var crew in new[] { staff, contractor })
        {
            using var response = await crew.GetAsync($"/v1/bookings/{bookingId}/readiness");
            Assert.Equal(["access_code", "cleaning", "lock_battery", "lock_online"], Kinds(await response.ReadSuccessAsync()));
        }

        using var hidden = await stranger.GetAsync($"/v1/bookings/{bookingId}/readiness");
        await ProblemAssert.IsProblemAsync(hidden, HttpStatusCode.NotFound, "booking.not_found");
        using var hiddenProperty = await stranger.GetAsync($"/v1/properties/{propertyId}/readiness");
        await ProblemAssert.IsProblemAsync(hiddenProperty, HttpStatusCode.NotFound, "property.not_found");
    }

    [Fact]
    public async Task ThePropertyListsTheArrivalsWithinTheDaysAskedFor()
    {
        var (owner, propertyId, bookingId) = await ArrangeAsync(ApiResponses.Today(Zone).AddDays(10));
        await ApiLocks.WaitUntilAsync(
            async () => (await ListAsync(owner, propertyId, 14)).Any(arrival => arrival.GetProperty("booking_id").GetGuid() == bookingId),
            "the booking appearing in the property's readiness");

        Assert.Empty(await ListAsync(owner, propertyId, 7));
        var arrival = Assert.Single(await ListAsync(owner, propertyId, 14));
        Assert.Equal(JsonValueKind.Null, arrival.GetProperty("last_offset").ValueKind); // its first check is days away
        Assert.True(arrival.GetProperty("next_check_at").GetDateTimeOffset() < arrival.GetProperty("arrival_at").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    [InlineData("week")]
    [InlineData("-1")]
    public async Task DaysOutsideOneToSixtyAreRefusedWithAFieldError(string days)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.GetAsync($"/v1/properties/{propertyId}/readiness?days={days}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("days", out _), problem.ToString());
    }

    [Fact]
    public async Task ABookingWithoutAnUpcomingArrivalIsNotFound()
    {
        var (owner, _, bookingId) = await ArrangeAsync(ApiResponses.Today(Zone).AddDays(-1));

        using var response = await owner.GetAsync($"/v1/bookings/{bookingId}/readiness");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "readiness.not_found");
    }

    // An owner with one Nuki lock "Front Door" on a new property and a three-night stay arriving on `from`.
    private async Task<(HttpClient Owner, Guid PropertyId, Guid BookingId)> ArrangeAsync(DateOnly from)
    {
        var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var smartlockId = factory.SeedNukiLock(token);
        var integrationId = (await owner.ConnectNukiAsync(factory, token)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        await owner.AssignNukiLockAsync(propertyId, integrationId, smartlockId);
        var booking = await owner.CreateBookingAsync(propertyId, new { from = ApiResponses.Day(from), to = ApiResponses.Day(from.AddDays(3)) });
        return (owner, propertyId, booking.GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> WaitForCheckedAsync(HttpClient client, Guid bookingId)
    {
        JsonElement readiness = default;
        await ApiLocks.WaitUntilAsync(
            async () =>
            {
                using var response = await client.GetAsync($"/v1/bookings/{bookingId}/readiness");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }

                readiness = await response.Content.ReadFromJsonAsync<JsonElement>();
                return readiness.GetProperty("last_offset").ValueKind == JsonValueKind.String;
            },
            "the arrival's first readiness check");
        return readiness;
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, Guid propertyId, int days)
    {
        using var response = await client.GetAsync($"/v1/properties/{propertyId}/readiness?days={days}");
        return [.. (await response.ReadSuccessAsync()).EnumerateArray()];
    }

    private static string[] Kinds(JsonElement readiness) =>
        [.. readiness.GetProperty("checks").EnumerateArray().Select(check => check.GetProperty("check").GetString() ?? "").Order(StringComparer.Ordinal)];
}
