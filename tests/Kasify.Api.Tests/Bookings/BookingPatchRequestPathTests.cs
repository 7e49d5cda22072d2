using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;
using Kasify.Grains;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kasify.Api.Tests.Bookings;

/// <summary>
/// What a booking's date change costs on the request path of a property with two locks and police reporting: the grain
/// calls and the state and reminder writes made before the answer are counted and printed, and there are at most three
/// writes (the calendar's slot with its outbox, the booking's row; everything else follows from the outbox after the answer).
/// </summary>
public sealed class BookingPatchRequestPathTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Zone = "Europe/Madrid";

    private readonly KasifyApiFactory _factory = KasifyApiFactory.OnStorage(
        (_, folder) => KasifyTestSilos.SqliteOptions(folder),
        silo => StorageWriteProbe.AddTo(silo, StorageNames.Kasify));

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    [Fact]
    public async Task MovingAStayWritesAtMostThreeRowsBeforeTheAnswerAndTheRestFollows()
    {
        using var owner = _factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        await ConnectSesAsync(owner);
        var token = ApiLocks.NewToken();
        var smartlockIds = new[] { _factory.SeedNukiLock(token, "Door 1"), _factory.SeedNukiLock(token, "Door 2") };
        var integrationId = (await owner.ConnectNukiAsync(_factory, token)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync(extra: new { ses_establishment_code = "0000000042", rooms_count = 2, has_internet = true }))
            .GetProperty("id").GetGuid();
        foreach (var smartlockId in smartlockIds)
        {
            await owner.AssignNukiLockAsync(propertyId, integrationId, smartlockId);
        }

        var arrival = ApiResponses.Today(Zone).AddDays(10);
        var bookingId = (await owner.CreateBookingAsync(propertyId, new
        {
            from = ApiResponses.Day(arrival),
            to = ApiResponses.Day(arrival.AddDays(3)),
            guest_first_name = "Ana",
            guest_email = "ana@example.org",
        })).GetProperty("id").GetGuid();
        using (var codes = await owner.PostAsync($"/v1/bookings/{bookingId}/accesscode", null))
        {
            Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        }

        await ApiLocks.WaitUntilAsync(async () => (await CodesAsync(owner, bookingId)).All(code => code.GetProperty("status").GetString() == "active"), "both codes are active");
        await SettledAsync(propertyId);

        var calls = _factory.GrainCalls;
        var writes = _factory.SiloServices.GetRequiredService<StorageWriteProbe>();
        var calendar = _factory.Grains.GetGrain<IBookingCalendarGrain>(propertyId).GetGrainId();
        var sentAt = DateTimeOffset.UtcNow;
        var newDeparture = arrival.AddDays(4);
        using var patch = await owner.PatchAsJsonAsync($"/v1/bookings/{bookingId}", new { to = ApiResponses.Day(newDeparture) });

        // The request path ends when the calendar answers; what its outbox delivers after that starts later.
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var journal = calls.Journal.Where(call => call.StartedAt >= sentAt).ToList();
        var answeredAt = journal.Single(call => call.Grain == calendar && call.Method == nameof(IBookingCalendarGrain.UpdateBookingAsync)).FinishedAt;
        var callsOnThePath = journal.Where(call => call.FinishedAt <= answeredAt).ToList();
        var writesOnThePath = writes.Writes.Where(write => write.FinishedAt >= sentAt && write.FinishedAt <= answeredAt).ToList();

        // Registering or removing a reminder writes a row of the reminders table: those count as writes too.
        var reminderWrites = callsOnThePath.Count(call => call.Method is "RegisterOrUpdateReminder" or "UnregisterReminder");
        output.WriteLine(
            $"PATCH /bookings/{{id}}: {callsOnThePath.Count} grain calls, {writesOnThePath.Count} state writes and {reminderWrites} reminder writes before the answer");
        foreach (var call in callsOnThePath)
        {
            output.WriteLine($"  call  {call.Grain.Type} {call.Method} ({(call.FinishedAt - call.StartedAt).TotalMilliseconds:F1} ms)");
        }

        foreach (var write in writesOnThePath)
        {
            output.WriteLine($"  write {write.StateName} {write.Grain.Type}");
        }

        // What follows the answer: both codes move to the new window on their locks, the cleaning task to the new day.
        var departureAt = (await owner.GetFromJsonAsync<JsonElement>($"/v1/bookings/{bookingId}")).GetProperty("departure_at").GetDateTimeOffset();
        await ApiLocks.WaitUntilAsync(
            async () => (await CodesAsync(owner, bookingId)).All(code =>
                code.GetProperty("status").GetString() == "active" && code.GetProperty("valid_to").GetDateTimeOffset() == departureAt),
            "both codes cover the new departure");
        await SettledAsync(propertyId);
        var tasks = await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{propertyId}/tasks");
        var cleaning = Assert.Single(tasks.GetProperty("content").EnumerateArray(), task => task.GetProperty("booking_id").GetString() == bookingId.ToString());
        Assert.Equal(newDeparture, DateOnly.FromDateTime(cleaning.GetProperty("from").GetDateTimeOffset().DateTime));
        Assert.InRange(writesOnThePath.Count + reminderWrites, 1, 3);
    }

    private static async Task<List<JsonElement>> CodesAsync(HttpClient owner, Guid bookingId) =>
        [.. (await owner.GetFromJsonAsync<JsonElement>($"/v1/bookings/{bookingId}/accesscode")).GetProperty("codes").EnumerateArray()];

    private Task SettledAsync(Guid propertyId) =>
        ApiLocks.WaitUntilAsync(
            async () => await _factory.Grains.GetGrain<IBookingCalendarGrain>(propertyId).GetUndeliveredCountAsync() == 0,
            "the calendar's outbox is delivered");

    private async Task ConnectSesAsync(HttpClient owner)
    {
        var fake = _factory.Ses.State.Options;
        using var connect = await owner.PostAsJsonAsync("/v1/integrations/ses_hospedajes", new
        {
            arrendador_code = fake.ArrendadorCode,
            username = fake.Username,
            password = fake.Password,
            environment = "test",
        });
        Assert.True(connect.IsSuccessStatusCode, await connect.Content.ReadAsStringAsync());
    }
}
