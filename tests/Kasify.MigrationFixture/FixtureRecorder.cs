using Kasify.Testing.Migration;

namespace Kasify.MigrationFixture;

/// <summary>
/// Reads the finished dataset back through the API as every caller and keeps each answer: the expected values the
/// migration tests compare newer code against, in the order they are replayed.
/// </summary>
internal sealed class FixtureRecorder(FixtureScenario scenario, FixtureManifest entities)
{
    // A lock's live state is the vendor's, read again whenever it is stale; the time of that read is not stored data.
    private static readonly string[] LiveLockFields = ["status_checked_at"];

    // Problem details carry the request's own trace id.
    private static readonly string[] ProblemFields = ["trace_id"];

    // Calendar windows (at most 366 days each): a past year and the first future one for every property, and the
    // second future one for Casa Rural Teide, whose reported stays span 2030 to 2032.
    private const string PastYear = "from=2002-01-01&to=2002-12-31";
    private const string FutureYear = "from=2030-01-01&to=2030-12-31";
    private const string NextYear = "from=2031-01-01&to=2031-12-31";

    private readonly List<RecordedRequest> _requests = [];

    public async Task<IReadOnlyList<RecordedRequest>> RecordAsync()
    {
        var members = new Dictionary<string, string[]>
        {
            ["ana"] = [FixturePlan.CasaDelMar, FixturePlan.AticoCentro],
            ["bruno"] = [FixturePlan.CasaDelMar, FixturePlan.CasaTeide],
            ["carla"] = [FixturePlan.CasaDelMar, FixturePlan.CasaTeide],
            ["diego"] = [FixturePlan.CasaDelMar],
        };
        foreach (var (user, properties) in members)
        {
            await RecordUserAsync(user, properties);
        }

        await RecordSearchesAsync();
        foreach (var booking in entities.Bookings)
        {
            var owner = entities.Property(booking.PropertyKey).OwnerKey;
            await RecordAsync(owner, $"/v1/bookings/{booking.Id}");
            if (booking.PropertyKey == FixturePlan.CasaDelMar)
            {
                await RecordAsync(owner, $"/v1/bookings/{booking.Id}/accesscode");
            }

            await RecordAsync(RecordedRequest.Public, $"/v1/checkin/{booking.CheckinCode}");
        }

        foreach (var task in entities.Tasks)
        {
            // The owner's view is in the owner's task lists already; the assignee's is the one a cleaner or contractor opens.
            var owner = entities.Property(task.PropertyKey).OwnerKey;
            await RecordAsync(task.AssignedToKey is { } assignee && assignee != owner ? assignee : owner, $"/v1/tasks/{task.Id}");
            await RecordAsync(RecordedRequest.Public, $"/v1/tasks/public/{task.PublicToken}");
        }

        var integrations = await scenario.Caller("ana").GetAsync("/v1/integrations");
        var nuki = integrations.GetProperty("integrations").EnumerateArray().Single(i => i.GetProperty("type").GetString() == "nuki");
        await RecordAsync("ana", $"/v1/integrations/nuki/{nuki.GetProperty("id").GetGuid()}/smartlocks");
        await RecordAsync("bruno", "/v1/integrations/ses_hospedajes");

        // A token's last use is stamped (to the minute) whenever it authenticates, the replay's own requests included.
        await RecordAsync("ana", "/v1/account/tokens", ["last_used_at"]);
        await RecordAsync(RecordedRequest.PersonalAccessToken, "/v1/account");
        await RecordAsync(RecordedRequest.PersonalAccessToken, "/v1/properties");
        return _requests;
    }

    // Every role's view of every list, the first page for most (its order, totals and fields) and whole for the owner,
    // who sees each entity in full; single entities once each.
    private async Task RecordUserAsync(string user, string[] properties)
    {
        await RecordAsync(user, "/v1/account");
        await RecordAsync(user, "/v1/properties");
        await RecordAsync(user, "/v1/integrations");
        await RecordAsync(user, "/v1/bookings?size=10");
        await RecordAsync(user, "/v1/tasks?size=10&include_cancelled=true");
        await RecordAsync(user, "/v1/guests?size=100");
        await RecordAsync(user, user == "ana" ? "/v1/timeline/activity?size=100" : "/v1/timeline/activity?size=10");
        await RecordAsync(user, "/v1/calendar?from=2030-01-01&to=2030-03-31");
        foreach (var property in entities.Properties.Where(p => !properties.Contains(p.Key)))
        {
            await RecordAsync(user, $"/v1/properties/{property.Id}");
        }

        foreach (var key in properties)
        {
            var property = entities.Property(key);
            var id = property.Id;
            await RecordAsync(user, $"/v1/properties/{id}");
            await RecordAsync(user, $"/v1/properties/{id}/crew");
            await RecordAsync(user, $"/v1/properties/{id}/invitations");
            await RecordAsync(user, $"/v1/properties/{id}/bookings/current");
            await RecordAsync(user, $"/v1/properties/{id}/smartlocks", LiveLockFields);
            if (property.OwnerKey != user)
            {
                await RecordAsync(user, $"/v1/properties/{id}/bookings?size=10");
                await RecordAsync(user, $"/v1/properties/{id}/tasks?size=10&include_cancelled=true");
                await RecordAsync(user, $"/v1/properties/{id}/calendar?{FutureYear}");
                continue;
            }

            await RecordAsync(user, $"/v1/properties/{id}/bookings?size=100");
            await RecordAsync(user, $"/v1/properties/{id}/tasks?size=100&include_cancelled=true");
            await RecordAsync(user, $"/v1/timeline/activity?size=10&propertyId={id}");
            foreach (var window in key == FixturePlan.CasaTeide ? [FutureYear, NextYear] : new[] { PastYear, FutureYear })
            {
                await RecordAsync(user, $"/v1/properties/{id}/calendar?{window}");
            }
        }
    }

    // The lists' filters and searches, on Casa del Mar's many bookings and tasks and on the guests of both owners; a
    // first page shows what matched (total_elements) and in which order.
    private async Task RecordSearchesAsync()
    {
        var casa = entities.Property(FixturePlan.CasaDelMar).Id;
        var carla = entities.User("carla").UserId;
        await RecordAsync("ana", $"/v1/properties/{casa}/bookings?channel=airbnb&size=5");
        await RecordAsync("ana", $"/v1/properties/{casa}/bookings?page=2&size=10");
        await RecordAsync("ana", $"/v1/properties/{casa}/bookings?query=weber");
        await RecordAsync("ana", $"/v1/properties/{casa}/bookings?from=2030-01-01&to=2030-12-31&sortBy=CHECKOUT&sortDescending=true&size=5");
        await RecordAsync("ana", "/v1/bookings?query=example.com&size=5");
        await RecordAsync("ana", $"/v1/properties/{casa}/tasks?task_type=maintenance&include_cancelled=true");
        await RecordAsync("ana", $"/v1/properties/{casa}/tasks?scheduled_from=2030-01-01&scheduled_to=2030-06-30&size=100");
        await RecordAsync("ana", $"/v1/tasks?property_id={casa}&status=pending&size=5");
        await RecordAsync("ana", $"/v1/tasks?assigned_to={carla}&include_cancelled=true&size=5");
        await RecordAsync("carla", "/v1/tasks?status=in_progress");
        await RecordAsync("ana", $"/v1/guests?query={FixtureGuests.CarmenNif}");
        await RecordAsync("ana", "/v1/guests?query=navarro");
        await RecordAsync("bruno", $"/v1/guests?query={FixtureGuests.JamesPassport}");
        await RecordAsync("bruno", "/v1/guests?query=hernandez");
    }

    private async Task RecordAsync(string caller, string path, string[]? volatileFields = null)
    {
        var (status, body, _, contentType) = await scenario.Caller(caller).GetRawAsync(path);
        if ((int)status >= 500 || body is null)
        {
            throw new InvalidOperationException($"{caller}: GET {path} answered {(int)status} ({contentType}); the fixture records JSON answers below 500 only.");
        }

        _requests.Add(new RecordedRequest
        {
            Caller = caller,
            Path = path,
            Status = (int)status,
            Body = body.Value,
            VolatileFields = (int)status >= 400 ? [.. volatileFields ?? [], .. ProblemFields] : volatileFields,
        });
    }
}
