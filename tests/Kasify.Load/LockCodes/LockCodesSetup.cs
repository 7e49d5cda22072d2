using System.Text.Json.Nodes;

namespace Kasify.Load.LockCodes;

/// <summary>
/// Prepares a run through the public API, as a host would: register, connect Nuki (or reuse the account's Nuki
/// integration), create a property, assign the first N locks of the integration's listing (a lock still assigned to
/// another property is unassigned first) and create the bookings, each in its own slot of future nights.
/// </summary>
internal sealed class LockCodesSetup(LockCodesApi api, LockCodesOptions options)
{
    public async Task<LockCodesFixture> RunAsync()
    {
        (await api.RegisterAsync()).Expect("register", 200, 201);
        var integrationId = await ConnectNukiAsync();

        var listing = (await api.ListNukiSmartlocksAsync(integrationId)).Expect("list Nuki smart locks", 200);
        Console.WriteLine($"setup: Nuki integration {integrationId}, nuki_status {listing.Body?["nuki_status"]}");
        var available = listing.Body?["smartlocks"]?.AsArray().OfType<JsonNode>().Take(options.Locks).ToList() ?? [];
        if (available.Count < options.Locks)
        {
            throw new InvalidOperationException($"The integration lists {available.Count} smart locks; --locks asks for {options.Locks}.");
        }

        var propertyId = (await api.CreatePropertyAsync($"Load {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}")).Expect("create property", 201).Text("id");
        var locks = new List<AssignedLock>();
        foreach (var smartlock in available)
        {
            locks.Add(await AssignAsync(propertyId, integrationId, smartlock));
        }

        Console.WriteLine($"setup: property {propertyId}, locks {string.Join(", ", locks.Select(l => $"{l.SmartlockId} {l.Name}{(l.Offline ? " (offline)" : "")}"))}");
        var bookings = await CreateBookingsAsync(propertyId);
        Console.WriteLine($"setup: {bookings.Count} bookings from {bookings[0].Start:yyyy-MM-dd} to {bookings[^1].Start.AddDays(BookingSlot.Nights):yyyy-MM-dd}");
        return new LockCodesFixture(propertyId, integrationId, locks, bookings);
    }

    private async Task<string> ConnectNukiAsync()
    {
        var created = await api.CreateNukiIntegrationAsync("Load test", options.NukiToken);
        if (created.Status == 201)
        {
            return created.Text("id");
        }

        // An account has one integration per vendor: a second run reuses the first run's.
        created.Expect("connect Nuki", 409);
        var integrations = (await api.ListIntegrationsAsync()).Expect("list integrations", 200);
        var nuki = integrations.Body?["integrations"]?.AsArray().FirstOrDefault(item => item?["type"]?.GetValue<string>() == "nuki")
            ?? throw new InvalidOperationException($"connect Nuki answered 409 but no Nuki integration is listed: {created.Body?.ToJsonString()}");
        Console.WriteLine("setup: the account already has a Nuki integration; using it (its token is not replaced)");
        return nuki["id"]!.GetValue<string>();
    }

    private async Task<AssignedLock> AssignAsync(string propertyId, string integrationId, JsonNode smartlock)
    {
        var smartlockId = smartlock["smartlock_id"]!.GetValue<long>();
        if (smartlock["assigned_property"] is { } assigned)
        {
            var otherProperty = assigned["property_id"]!.GetValue<string>();
            Console.WriteLine($"setup: lock {smartlockId} is assigned to property {otherProperty} ({assigned["property_name"]}); unassigning it");
            await RetryAsync(
                () => api.UnassignSmartlockAsync(otherProperty, assigned["smartlock_record_id"]!.GetValue<string>()), $"unassign lock {smartlockId}", 204);
        }

        var record = await RetryAsync(() => api.AssignSmartlockAsync(propertyId, integrationId, smartlockId), $"assign lock {smartlockId}", 201);
        return new AssignedLock(
            Guid.Parse(record.Text("id")),
            smartlockId,
            smartlock["name"]?.GetValue<string>() ?? "",
            smartlock["offline"]?.GetValue<bool>() ?? false);
    }

    private async Task<List<BookingSlot>> CreateBookingsAsync(string propertyId)
    {
        // Slots start a week ahead, so no code window begins, ends or expires during the run.
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var bookings = new BookingSlot?[options.Bookings];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Bookings), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
        {
            var start = first.AddDays(index * BookingSlot.Nights);
            var dates = BookingSlot.InitialDates(start);
            var created = await RetryAsync(() => api.CreateBookingAsync(propertyId, dates.From, dates.To), "create booking", 201);
            bookings[index] = new BookingSlot(Guid.Parse(created.Text("id")), start);
        });
        return [.. bookings.OfType<BookingSlot>()];
    }

    // Setup calls can meet a vendor hiccup (the fake's error rate) or a silo still starting; they are retried a few times.
    private static async Task<ApiResponse> RetryAsync(Func<Task<ApiResponse>> call, string what, int expected)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await call();
            if (response.Status == expected || attempt == 5 || response.Status is > 0 and < 500)
            {
                return response.Expect(what, expected);
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt));
        }
    }
}
