using System.Globalization;
using System.Text.Json.Nodes;

namespace Kasify.Load.LockCodes;

/// <summary>
/// After the run: reads every booking's codes and counts them by status; with <c>--nuki-fake</c>, first waits for pending
/// vendor work on online locks to finish, then compares each lock at the fake (<c>GET /fake/state</c>) with Kasify:
/// every active code applied there with its window, nothing else there, no PIN twice on a lock.
/// </summary>
internal sealed class LockCodesCheck(KasifyApi api, LockCodesFixture fixture, LockCodesOptions options)
{
    private static readonly TimeSpan WindowTolerance = TimeSpan.FromMinutes(1);

    /// <summary>Prints the tally (and the comparison); false when the fake and Kasify disagree.</summary>
    public async Task<bool> RunAsync()
    {
        var codes = await ReadCodesAsync();
        if (options.NukiFake is null)
        {
            PrintTally(codes);
            return true;
        }

        // Vendor writes finish after the answers (Nuki applies them with a delay, failures are retried), so the comparison
        // is repeated until it matches or the settle time is up.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var online = fixture.Locks.Where(l => !l.Offline).Select(l => l.RecordId).ToHashSet();
        while (true)
        {
            var settled = !codes.Any(code => online.Contains(code.SmartlockId) && code.Status is "pending" or "revoking");
            var (consistent, lines) = settled ? await CompareWithFakeAsync(codes) : (false, new List<string>());
            if (consistent || waited.Elapsed >= options.Settle)
            {
                PrintTally(codes);
                Console.WriteLine($"  compared with the fake {waited.Elapsed.TotalSeconds:F0} s after the run:");
                lines.ForEach(Console.WriteLine);
                if (!settled)
                {
                    Console.WriteLine($"  codes still pending or revoking on online locks after {options.Settle.TotalSeconds:F0} s; not compared with the fake");
                }

                return consistent;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            codes = await ReadCodesAsync();
        }
    }

    private async Task<List<ObservedCode>> ReadCodesAsync()
    {
        var codes = new List<ObservedCode>();
        foreach (var booking in fixture.Bookings)
        {
            var answer = await api.GetAccessCodesAsync(booking.Id);
            foreach (var code in answer.Body?["codes"]?.AsArray().OfType<JsonNode>() ?? [])
            {
                codes.Add(new ObservedCode(
                    LockOf(code["smartlock_id"]),
                    code["code"]?.GetValue<string>() ?? "",
                    code["status"]!.GetValue<string>(),
                    code["valid_from"]!.GetValue<DateTimeOffset>(),
                    code["valid_to"]!.GetValue<DateTimeOffset>()));
            }
        }

        return codes;
    }

    // Codes name their lock by Kasify's smart lock id; the vendor's numeric id is accepted as well.
    private Guid LockOf(JsonNode? smartlockId) => Guid.TryParse(smartlockId?.ToString(), out var recordId)
        ? recordId
        : fixture.Locks.FirstOrDefault(l => l.SmartlockId.ToString(CultureInfo.InvariantCulture) == smartlockId?.ToString())?.RecordId ?? Guid.Empty;

    private void PrintTally(List<ObservedCode> codes)
    {
        Console.WriteLine($"codes after the run: {Count(codes)}");
        foreach (var smartlock in fixture.Locks)
        {
            var name = $"{smartlock.SmartlockId} {smartlock.Name}{(smartlock.Offline ? " (offline)" : "")}";
            Console.WriteLine($"  {name,-32} {Count(codes.Where(code => code.SmartlockId == smartlock.RecordId))}");
        }

        static string Count(IEnumerable<ObservedCode> codes) =>
            string.Join(' ', codes.GroupBy(code => code.Status).OrderBy(group => group.Key).Select(group => $"{group.Key}={group.Count()}"));
    }

    private async Task<(bool Consistent, List<string> Lines)> CompareWithFakeAsync(List<ObservedCode> codes)
    {
        var lines = new List<string>();
        using var fake = new HttpClient { BaseAddress = options.NukiFake, Timeout = TimeSpan.FromSeconds(30) };
        var state = JsonNode.Parse(await fake.GetStringAsync("/fake/state"))!;
        var auths = state["auths"]!.AsArray().OfType<JsonNode>()
            .Where(entry => entry["applied"]!.GetValue<bool>() && entry["auth"]!["type"]!.GetValue<int>() == 13)
            .Select(entry => entry["auth"]!)
            .ToList();

        var consistent = true;
        foreach (var smartlock in fixture.Locks.Where(l => !l.Offline))
        {
            var atVendor = auths.Where(auth => auth["smartlockId"]!.GetValue<long>() == smartlock.SmartlockId).ToList();
            var active = codes.Where(code => code.SmartlockId == smartlock.RecordId && code.Status == "active").ToList();
            var vendorPins = atVendor.Select(auth => auth["code"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture)).ToList();
            var missing = active.Count(code => !vendorPins.Contains(code.Pin));
            var extra = vendorPins.Count(pin => active.All(code => code.Pin != pin));
            var repeated = vendorPins.GroupBy(pin => pin).Count(group => group.Count() > 1);
            var windows = active.Count(code => atVendor.FirstOrDefault(auth => auth["code"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture) == code.Pin) is { } auth
                && !(Near(auth["allowedFromDate"], code.ValidFrom) && Near(auth["allowedUntilDate"], code.ValidTo)));
            var verdict = missing + extra + repeated + windows == 0 ? "match" : "MISMATCH";
            lines.Add(
                $"  fake vs Kasify, lock {smartlock.SmartlockId}: {verdict}: {active.Count} active in Kasify, {atVendor.Count} applied at the fake; "
                + $"missing at the fake {missing}, unknown to Kasify {extra}, repeated PINs {repeated}, other windows {windows}");
            consistent &= verdict == "match";
        }

        if (!consistent)
        {
            lines.Add("  (codes of other properties on the same fake locks count as unknown to Kasify)");
        }

        return (consistent, lines);
    }

    private static bool Near(JsonNode? vendorDate, DateTimeOffset expected) =>
        vendorDate is not null && (vendorDate.GetValue<DateTimeOffset>() - expected).Duration() <= WindowTolerance;

    private sealed record ObservedCode(Guid SmartlockId, string Pin, string Status, DateTimeOffset ValidFrom, DateTimeOffset ValidTo);
}
