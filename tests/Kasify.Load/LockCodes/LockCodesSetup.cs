using System.Text.Json.Nodes;

namespace Kasify.Load.LockCodes;

/// <summary>
/// Prepares a run through the public API, as a host would: register, connect Nuki (or point the account's Nuki
/// integration at the token), create a property, assign the first N locks of the integration's listing (a lock still
/// assigned to another property is unassigned first) and create the bookings, each in its own slot of future nights.
/// </summary>
internal sealed class LockCodesSetup(KasifyApi api, LockCodesOptions options)
{
    public async Task<LockCodesFixture> RunAsync()
    {
        (await api.RegisterAsync()).Expect("register", 200, 201);
        var integrationId = await SetupSteps.ConnectNukiAsync(api, options.NukiToken);

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
            locks.Add(await SetupSteps.AssignLockAsync(api, propertyId, integrationId, smartlock));
        }

        Console.WriteLine($"setup: property {propertyId}, locks {string.Join(", ", locks.Select(l => $"{l.SmartlockId} {l.Name}{(l.Offline ? " (offline)" : "")}"))}");
        var bookings = await CreateBookingsAsync(propertyId);
        Console.WriteLine($"setup: {bookings.Count} bookings from {bookings[0].Start:yyyy-MM-dd} to {bookings[^1].Start.AddDays(BookingSlot.Nights):yyyy-MM-dd}");
        return new LockCodesFixture(propertyId, integrationId, locks, bookings);
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
            var created = await SetupSteps.RetryAsync(() => api.CreateBookingAsync(propertyId, dates.From, dates.To), "create booking", 201);
            bookings[index] = new BookingSlot(Guid.Parse(created.Text("id")), start);
        });
        return [.. bookings.OfType<BookingSlot>()];
    }
}
