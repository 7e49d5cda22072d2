using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kasify.Load.LockCodes;

/// <summary>
/// The lock-codes mode: set up a property with Nuki locks and bookings, warm up, run the mixed code operations with N
/// workers for the given time, print the figures, check the codes (and the fake's), then unassign the locks.
/// Exit code 1 when a request got a 5xx or no answer, or the fake disagrees with Kasify; 2 when the setup fails.
/// </summary>
internal static class LockCodesMode
{
    public static async Task<int> RunAsync(HttpClient http, LoadOptions options, LockCodesOptions lockOptions)
    {
        var api = new KasifyApi(http);
        LockCodesFixture fixture;
        try
        {
            fixture = await new LockCodesSetup(api, lockOptions).RunAsync();
        }
        catch (InvalidOperationException exception)
        {
            Console.Error.WriteLine($"setup failed: {exception.Message}");
            return 2;
        }

        try
        {
            // Warm-up: every booking's codes once, so first activations and vendor connections are not measured.
            var warmup = new ConcurrentBag<int>();
            await Parallel.ForEachAsync(fixture.Bookings, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (booking, _) =>
            {
                var created = await api.CreateAccessCodesAsync(booking.Id);
                warmup.Add(created.Status);
                booking.Observe(created.Body);
            });
            var warmupStatuses = string.Join(' ', warmup.GroupBy(status => status).OrderBy(group => group.Key).Select(group => $"{group.Key}={group.Count()}"));
            Console.WriteLine(
                $"warm-up: codes created for {fixture.Bookings.Count(b => b.HasLiveCodes)} of {fixture.Bookings.Count} bookings (statuses {warmupStatuses})");

            var workload = new LockCodesWorkload(api, fixture.Bookings, lockOptions.Mix);
            var samples = new List<OperationSample>[options.Concurrency];
            var issued = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async worker =>
            {
                var random = new Random();
                samples[worker] = [];
                while (clock.Elapsed < options.Duration && Interlocked.Increment(ref issued) <= options.MaxRequests)
                {
                    samples[worker].Add(await workload.RunOneAsync(random));
                }
            }));
            var elapsed = clock.Elapsed.TotalSeconds;

            Console.WriteLine(
                $"mode: LockCodes  property: {fixture.PropertyId}  locks: {fixture.Locks.Count}  bookings: {fixture.Bookings.Count}  "
                + $"concurrency: {options.Concurrency}  duration: {elapsed:F1} s");
            var failures = OperationReport.Print([.. samples.SelectMany(list => list)], elapsed, LockCodesWorkload.Kinds);
            var warmupFailures = warmup.Count(status => status is 0 or >= 500);
            if (warmupFailures > 0)
            {
                Console.WriteLine($"5xx OR NO RESPONSE in the warm-up (not in the figures above): {warmupFailures}  <-- see the API and silo logs");
            }

            var consistent = await new LockCodesCheck(api, fixture, lockOptions).RunAsync();
            return failures + warmupFailures == 0 && consistent ? 0 : 1;
        }
        finally
        {
            if (!lockOptions.KeepSetup)
            {
                await TearDownAsync(api, fixture);
            }
        }
    }

    // Unassigning revokes the lock's codes at the vendor first, so the run leaves no codes behind on the locks.
    private static async Task TearDownAsync(KasifyApi api, LockCodesFixture fixture)
    {
        foreach (var smartlock in fixture.Locks)
        {
            var response = await api.UnassignSmartlockAsync(fixture.PropertyId, smartlock.RecordId.ToString());
            for (var attempt = 1; response.Status is 0 or >= 500 && attempt < 5; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
                response = await api.UnassignSmartlockAsync(fixture.PropertyId, smartlock.RecordId.ToString());
            }

            Console.WriteLine($"teardown: unassign lock {smartlock.SmartlockId}: HTTP {response.Status}");
        }
    }
}
