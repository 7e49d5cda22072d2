extern alias silo;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Fakes.Nuki;
using Kasify.Testing.Migration;
using Microsoft.Extensions.DependencyInjection;
using KasifySiloOptions = silo::Kasify.Silo.Hosting.KasifySiloOptions;

namespace Kasify.Api.Tests.Migration;

/// <summary>
/// Data written by an earlier Kasify (the fixtures in Migration/Fixtures, made through the public API by
/// tests/Kasify.MigrationFixture; see the README there) starts under the current code with every user, property,
/// booking, guest, task, lock, code and invitation intact, on SQLite and on PostgreSQL. The silo runs on a copy of the
/// data with its clock resumed from the moment the fixture's hosts stopped; the API answers as it did then, and takes
/// new work on the old data.
/// </summary>
public sealed class MigrationFixtureTests
{
    // The second adult of the stay whose check-in the fixture left incomplete.
    private static readonly Dictionary<string, object> Companion = new()
    {
        ["first_name"] = "Julia",
        ["last_name"] = "Weber",
        ["nationality_country_code"] = "DEU",
        ["date_of_birth"] = "1981-03-22",
        ["sex"] = "M",
        ["document_type"] = "PAS",
        ["document_number"] = "C02Y11U58",
        ["residence_address"] = "Invalidenstraße 44",
        ["residence_country_code"] = "DE",
        ["residence_city"] = "Berlin",
        ["residence_postal_code"] = "10115",
        ["email"] = "julia.weber@example.de",
    };

    [Fact]
    public async Task TheSqliteFixtureIsServedIntactAndTakesNewWork()
    {
        var fixture = FixtureStorage.Folder(FixtureStorage.Sqlite);
        await VerifyAsync(fixture, folder => FixtureStorage.CopySqlite(fixture, folder));
    }

    [Fact]
    public async Task ThePostgresFixtureIsServedIntactAndTakesNewWork()
    {
        var fixture = FixtureStorage.Folder(FixtureStorage.Postgres);
        var connectionString = await FixtureStorage.RestorePostgresAsync(fixture);
        await VerifyAsync(fixture, _ => FixtureStorage.PostgresOn(fixture, connectionString));
    }

    private static async Task VerifyAsync(string fixture, Func<string, KasifySiloOptions> storage)
    {
        var manifest = FixtureManifest.Load(fixture);
        Assert.Equal(TestJwt.Issuer, manifest.JwtIssuer);
        await using var api = KasifyApiFactory.OnStorage(
            (factory, folder) =>
            {
                SeedVendor(factory.Nuki, manifest.Nuki);
                return storage(folder);
            },
            silo => silo.Services.AddSingleton<TimeProvider>(new FixtureClock(manifest.GeneratedAt)));
        await api.InitializeAsync();
        using var callers = new FixtureCallers(api, manifest);

        // Reads first, in the recorded order: the writes below change what lists show.
        await EveryRecordedAnswerComesBackAsync(manifest, callers);
        await EveryBookingAndTaskIsListedAsync(manifest, callers);
        await GuestDocumentsStayMaskedAsync(manifest, callers);
        await ReportedBookingsKeepTheirSesTrackingAsync(manifest, callers);
        await TheCoverImageIsServedAsync(manifest, callers);
        await AccessCodesKeepTheirPinsAsync(manifest, callers);
        await ThePersonalAccessTokenAuthenticatesAsync(manifest, callers);
        await UpcomingArrivalsAreFollowedByReadinessAsync(manifest, callers);

        await InvitationsKeepTheirStateAsync(manifest, callers, api);
        await BookingsTasksAndCheckinsTakeNewWorkAsync(manifest, callers);
    }

    // The vendor's side of the fixture's Nuki account, as it was: the locks' live status reads the same.
    private static void SeedVendor(NukiFakeServer nuki, FixtureNukiAccount account)
    {
        foreach (var smartlock in account.Smartlocks)
        {
            nuki.State.AddSmartlock(account.Token, smartlock.SmartlockId, smartlock.Name, batteryCharge: smartlock.BatteryCharge);
        }
    }

    private static async Task EveryRecordedAnswerComesBackAsync(FixtureManifest manifest, FixtureCallers callers)
    {
        Assert.NotEmpty(manifest.Requests);
        var differences = new List<string>();
        foreach (var request in manifest.Requests)
        {
            using var response = await callers[request.Caller].GetAsync(new Uri(request.Path, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            var where = $"{request.Caller} GET {request.Path}";
            if ((int)response.StatusCode != request.Status)
            {
                differences.Add($"{where}: {(int)response.StatusCode} instead of {request.Status}: {text[..Math.Min(text.Length, 300)]}");
                continue;
            }

            using var body = JsonDocument.Parse(text);
            differences.AddRange(RecordedAnswers.Differences(request.Body, body.RootElement, request.VolatileFields ?? [])
                .Select(difference => $"{where} {difference}"));
        }

        Assert.True(differences.Count == 0,
            $"{differences.Count} differences from the answers recorded with the fixture:\n{string.Join('\n', differences.Take(60))}");
    }

    // The fixture predates arrival readiness: each calendar tells it, once, of the bookings not yet departed, so every
    // confirmed arrival after the fixture was made gets its checks without any booking changing.
    private static async Task UpcomingArrivalsAreFollowedByReadinessAsync(FixtureManifest manifest, FixtureCallers callers)
    {
        var upcoming = manifest.Bookings
            .Where(booking => booking.Status == "confirmed" && booking.From > DateOnly.FromDateTime(manifest.GeneratedAt.UtcDateTime))
            .ToList();
        Assert.NotEmpty(upcoming);
        foreach (var booking in upcoming)
        {
            var owner = callers[manifest.Properties.Single(property => property.Key == booking.PropertyKey).OwnerKey];
            var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
            while (true)
            {
                using var response = await owner.GetAsync(new Uri($"/v1/bookings/{booking.Id}/readiness", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var view = await response.Content.ReadFromJsonAsync<JsonElement>();
                    Assert.Equal(booking.Id, view.GetProperty("booking_id").GetGuid());
                    break;
                }

                Assert.True(DateTimeOffset.UtcNow < deadline, $"Booking {booking.Key} ({booking.From}) is not followed by arrival readiness: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                await Task.Delay(250);
            }
        }
    }

    private static async Task EveryBookingAndTaskIsListedAsync(FixtureManifest manifest, FixtureCallers callers)
    {
        foreach (var property in manifest.Properties)
        {
            var owner = callers[property.OwnerKey];
            var bookings = (await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{property.Id}/bookings?size=100")).GetProperty("content");
            var expectedBookings = manifest.Bookings.Where(booking => booking.PropertyKey == property.Key)
                .Select(booking => (booking.Id, Day(booking.From), Day(booking.To), booking.Status, booking.Channel, booking.CheckinCode))
                .OrderBy(booking => booking.Id);
            var listedBookings = bookings.EnumerateArray()
                .Select(booking => (booking.GetProperty("id").GetGuid(), Text(booking, "from"), Text(booking, "to"), Text(booking, "status"), Text(booking, "channel"), Text(booking, "checkin_code")))
                .OrderBy(booking => booking.Item1);
            Assert.Equal(expectedBookings, listedBookings);

            var tasks = (await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{property.Id}/tasks?size=100&include_cancelled=true")).GetProperty("content");
            var expectedTasks = manifest.Tasks.Where(task => task.PropertyKey == property.Key)
                .Select(task => (task.Id, task.TaskType, task.Status, task.PublicToken, task.BookingKey is { } key ? manifest.Booking(key).Id : (Guid?)null))
                .OrderBy(task => task.Id);
            var listedTasks = tasks.EnumerateArray()
                .Select(task => (task.GetProperty("id").GetGuid(), Text(task, "task_type"), Text(task, "status"), Text(task, "public_token"),
                    task.GetProperty("booking_id").ValueKind == JsonValueKind.String ? task.GetProperty("booking_id").GetGuid() : (Guid?)null))
                .OrderBy(task => task.Item1);
            Assert.Equal(expectedTasks, listedTasks);
        }
    }

    private static async Task GuestDocumentsStayMaskedAsync(FixtureManifest manifest, FixtureCallers callers)
    {
        var guests = new List<JsonElement>();
        foreach (var owner in manifest.Properties.Select(property => property.OwnerKey).Distinct())
        {
            var page = await callers[owner].GetFromJsonAsync<JsonElement>("/v1/guests?size=100");
            guests.AddRange(page.GetProperty("content").EnumerateArray());
        }

        var documents = guests.Select(guest => guest.GetProperty("document_number_masked")).Where(document => document.ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(documents);
        Assert.All(documents, document => Assert.StartsWith("***", document.GetString(), StringComparison.Ordinal));
    }

    private static async Task ReportedBookingsKeepTheirSesTrackingAsync(FixtureManifest manifest, FixtureCallers callers)
    {
        var reported = manifest.Bookings.Where(booking => booking.Traits.Contains("ses_reported")).ToList();
        Assert.NotEmpty(reported);
        foreach (var booking in reported)
        {
            var owner = callers[manifest.Property(booking.PropertyKey).OwnerKey];
            var details = await owner.GetFromJsonAsync<JsonElement>($"/v1/bookings/{booking.Id}");
            Assert.Equal("accepted", Text(details, "ses_status"));
            Assert.Equal(JsonValueKind.String, details.GetProperty("ses_batch_id").ValueKind);
            Assert.All(details.GetProperty("ses_communications").EnumerateArray(), communication =>
            {
                Assert.Equal("accepted", Text(communication, "status"));
                Assert.Equal(JsonValueKind.String, communication.GetProperty("communication_code").ValueKind);
            });
        }
    }

    private static async Task TheCoverImageIsServedAsync(FixtureManifest manifest, FixtureCallers callers)
    {
        var withCover = manifest.Properties.Where(property => property.CoverImageSha256 is not null).ToList();
        Assert.NotEmpty(withCover);
        foreach (var property in withCover)
        {
            using var response = await callers[property.OwnerKey].GetAsync(new Uri($"/v1/properties/{property.Id}/cover-image", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(property.CoverImageContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(property.CoverImageSha256, Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
        }
    }

    private static async Task AccessCodesKeepTheirPinsAsync(FixtureManifest manifest, FixtureCallers callers)
    {
        Assert.Contains(manifest.AccessCodes, code => code.Status == "active");
        Assert.Contains(manifest.AccessCodes, code => code.Status == "revoked");
        foreach (var codes in manifest.AccessCodes.GroupBy(code => code.BookingKey))
        {
            var booking = manifest.Booking(codes.Key);
            var owner = callers[manifest.Property(booking.PropertyKey).OwnerKey];
            var listed = (await owner.GetFromJsonAsync<JsonElement>($"/v1/bookings/{booking.Id}/accesscode")).GetProperty("codes").EnumerateArray()
                .Select(code => (code.GetProperty("id").GetGuid(), code.GetProperty("smartlock_id").GetGuid(), Text(code, "code"), Text(code, "status")))
                .OrderBy(code => code.Item1);
            Assert.Equal(codes.Select(code => (code.Id, code.SmartlockId, code.Pin, code.Status)).OrderBy(code => code.Id), listed);
        }
    }

    private static async Task ThePersonalAccessTokenAuthenticatesAsync(FixtureManifest manifest, FixtureCallers callers)
    {
        var account = await callers[RecordedRequest.PersonalAccessToken].GetFromJsonAsync<JsonElement>("/v1/account");
        Assert.Equal(manifest.User(manifest.PersonalAccessToken.UserKey).UserId, account.GetProperty("user_id").GetGuid());
    }

    private static async Task InvitationsKeepTheirStateAsync(FixtureManifest manifest, FixtureCallers callers, KasifyApiFactory api)
    {
        Assert.Contains(manifest.Invitations, invitation => invitation.State == "open" && invitation.Email is null);
        Assert.Contains(manifest.Invitations, invitation => invitation.State == "open" && invitation.Email is not null);

        // Someone new: invitations that ended refuse them for the reason they ended; an open one without an email takes them.
        using var stranger = api.CreateAuthenticatedClient(claims: [new Claim("email", "stranger@example.org"), new Claim("email_verified", "true", ClaimValueTypes.Boolean)]);
        using (var registered = await stranger.PostAsync(new Uri("/v1/auth/register", UriKind.Relative), null))
        {
            registered.EnsureSuccessStatusCode();
        }

        foreach (var ended in manifest.Invitations.Where(invitation => invitation.State != "open"))
        {
            using var refused = await stranger.PostAsync(new Uri($"/v1/invitations/{ended.Token}/accept", UriKind.Relative), null);
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Gone, $"invitation.{ended.State}");
        }

        var unbound = manifest.Invitations.First(invitation => invitation.State == "open" && invitation.Email is null);
        await AcceptAsync(stranger, unbound, manifest);

        // The invitation bound to a registered-later user's email takes them once they have registered.
        var bound = manifest.Invitations.First(invitation => invitation.State == "open" && invitation.Email is not null);
        var invitee = callers[bound.UserKey!];
        using (var registered = await invitee.PostAsync(new Uri("/v1/auth/register", UriKind.Relative), null))
        {
            registered.EnsureSuccessStatusCode();
        }

        await AcceptAsync(invitee, bound, manifest);

        var property = manifest.Property(bound.PropertyKey);
        var crew = await callers[property.OwnerKey].GetFromJsonAsync<JsonElement>($"/v1/properties/{property.Id}/crew");
        var inviteeId = (await invitee.GetFromJsonAsync<JsonElement>("/v1/account")).GetProperty("user_id").GetGuid();
        Assert.Contains(crew.EnumerateArray(), member => member.GetProperty("userId").GetGuid() == inviteeId && Text(member, "accessLevel") == bound.AccessLevel);
    }

    private static async Task AcceptAsync(HttpClient caller, FixtureInvitation invitation, FixtureManifest manifest)
    {
        using var response = await caller.PostAsync(new Uri($"/v1/invitations/{invitation.Token}/accept", UriKind.Relative), null);
        var accepted = await response.ReadSuccessAsync();
        Assert.Equal(manifest.Property(invitation.PropertyKey).Id, accepted.GetProperty("propertyId").GetGuid());
    }

    private static async Task BookingsTasksAndCheckinsTakeNewWorkAsync(FixtureManifest manifest, FixtureCallers callers)
    {
        // The old stays still hold their nights.
        var held = manifest.Bookings.First(booking => booking.Status == "confirmed" && booking.Traits.Contains("future"));
        var property = manifest.Property(held.PropertyKey);
        var owner = callers[property.OwnerKey];
        using (var overlapping = await owner.PostAsJsonAsync($"/v1/properties/{property.Id}/bookings", new { from = held.From, to = held.To }))
        {
            var problem = await ProblemAssert.IsProblemAsync(overlapping, HttpStatusCode.Conflict, "booking.overlap");
            Assert.Equal(held.Id, problem.GetProperty("conflicting_booking_id").GetGuid());
        }

        // A stay after the last one gets its cleaning task, assigned to the property's default cleaner.
        var after = manifest.Bookings.Where(booking => booking.PropertyKey == property.Key).Max(booking => booking.To).AddDays(10);
        using var created = await owner.PostAsJsonAsync($"/v1/properties/{property.Id}/bookings", new { from = after, to = after.AddDays(3) });
        var booking = await created.ReadSuccessAsync();
        var details = await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{property.Id}");
        bool ForTheNewStay(JsonElement task) => task.GetProperty("booking_id").ValueKind == JsonValueKind.String
            && task.GetProperty("booking_id").GetGuid() == booking.GetProperty("id").GetGuid();
        async Task<JsonElement> TasksAsync() => (await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{property.Id}/tasks?size=100")).GetProperty("content");

        // The cleaning task follows the booking from the calendar's outbox, right after the answer.
        await Integrations.ApiLocks.WaitUntilAsync(async () => (await TasksAsync()).EnumerateArray().Any(ForTheNewStay), "the new stay's cleaning task");
        var cleaning = Assert.Single((await TasksAsync()).EnumerateArray(), ForTheNewStay);
        Assert.Equal(details.GetProperty("default_cleaner_id").GetGuid(), cleaning.GetProperty("assigned_to").GetGuid());

        // A check-in left halfway is completed by the last expected guest.
        var partial = manifest.Bookings.Single(candidate => candidate.Traits.Contains("partial_checkin"));
        using var registered = await callers[RecordedRequest.Public].PostAsJsonAsync($"/v1/checkin/{partial.CheckinCode}/guests", Companion);
        Assert.True((await registered.ReadSuccessAsync()).GetProperty("checkin_completed").GetBoolean());

        // A cleaner starts a task that was waiting for her.
        var waiting = manifest.Tasks.First(task => task.Status == "pending" && task.AssignedToKey is { } assignee && assignee != manifest.Property(task.PropertyKey).OwnerKey);
        using var started = await callers[waiting.AssignedToKey!].PostAsync(new Uri($"/v1/tasks/{waiting.Id}/start", UriKind.Relative), null);
        Assert.Equal("in_progress", Text(await started.ReadSuccessAsync(), "status"));
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
