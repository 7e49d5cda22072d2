using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kasify.Chaos.Api;
using Kasify.Chaos.Ledger;
using Kasify.Chaos.Measurement;
using Kasify.Chaos.Setup;
using Kasify.Fakes.Ses;

namespace Kasify.Chaos.Verification;

/// <summary>
/// After the run: waits until no code of a tracked booking is pending or revoking (or the settle time is up), then
/// reads every tracked booking and its codes back through the API and compares them with the ledger, and every lock
/// at its fake (Nuki or UniFi) with what Kasify reports active. Before that it waits until the windows of the stays that ended
/// during the run are over (plus <see cref="ExpiryGrace"/>), so that no code is read active and then expires; after it,
/// it counts the expired codes still on a device and the SES.HOSPEDAJES communications owed, missing or repeated.
/// </summary>
internal sealed class ChaosVerifier(ChaosApi api, IReadOnlyList<ChaosProperty> properties, ChaosDevices devices, ExpiryWatcher expiry, SesFakeState ses, TextWriter log)
{
    private static readonly TimeSpan WindowTolerance = TimeSpan.FromMinutes(1);

    /// <summary>How long after its window's end a code may stay on its device (the expiry reminder's period is 5 s in the run, and a silo may be down).</summary>
    private static readonly TimeSpan ExpiryGrace = TimeSpan.FromSeconds(20);

    public async Task<ChaosVerdict> VerifyAsync(IReadOnlyList<TrackedBooking> bookings, int serverErrors, TimeSpan settle)
    {
        var evidence = new List<string>();
        if (expiry.LastWindowEnd is { } lastEnd && lastEnd + ExpiryGrace - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero)
        {
            log.WriteLine($"verify: waiting {wait.TotalSeconds:F0} s for the last expiring window ({lastEnd:HH:mm:ss} UTC) and {ExpiryGrace.TotalSeconds:F0} s of grace");
            await Task.Delay(wait);
        }

        var clock = Stopwatch.StartNew();
        Dictionary<Guid, List<ReadCode>> codes;
        while (true)
        {
            codes = await ReadCodesAsync(bookings);
            var unsettled = codes.Values.SelectMany(list => list).Count(code => code.Status is "pending" or "revoking");
            if (unsettled == 0 || clock.Elapsed >= settle)
            {
                log.WriteLine($"verify: codes settled after {clock.Elapsed.TotalSeconds:F0} s ({unsettled} still pending or revoking)");
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var lost = 0;
        var readCancelled = new HashSet<Guid>();
        foreach (var booking in bookings)
        {
            var read = await ReadAsync(booking.Property.Token, $"/v1/bookings/{booking.Id}");
            var acceptable = booking.Acceptable;
            if (read.Status != 200)
            {
                lost++;
                evidence.Add($"lost: booking {booking.Id} (created 201) reads {read.Status}: {read.Text}");
                continue;
            }

            var state = new BookingExpectation(
                DateOnly.Parse(read.Body!["from"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                DateOnly.Parse(read.Body!["to"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                string.Equals(read.Body!["status"]?.GetValue<string>(), "cancelled", StringComparison.OrdinalIgnoreCase));
            if (state.Cancelled)
            {
                readCancelled.Add(booking.Id);
            }

            if (!acceptable.Contains(state))
            {
                lost++;
                evidence.Add($"lost: booking {booking.Id} reads {state}; acknowledged writes allow only {string.Join(" or ", acceptable)}");
            }
        }

        var lostTasks = 0;
        foreach (var booking in bookings.Where(booking => booking.TaskId is not null))
        {
            var read = await ReadAsync(booking.Property.Token, $"/v1/tasks/{booking.TaskId}");
            var status = read.Body?["status"]?.GetValue<string>();
            if (read.Status != 200 || status is null || !booking.TaskStatuses.Contains(status))
            {
                lostTasks++;
                evidence.Add($"lost: task {booking.TaskId} of booking {booking.Id} reads {read.Status} {status}; acknowledged writes allow only {string.Join(" or ", booking.TaskStatuses)}");
            }
        }

        var missing = 0;
        var revokesNotApplied = 0;
        foreach (var booking in bookings)
        {
            var listed = codes.GetValueOrDefault(booking.Id) ?? [];
            foreach (var codeId in booking.CodesThatMustBeLive())
            {
                if (listed.FirstOrDefault(code => code.Id == codeId) is not { Status: "pending" or "active" } found)
                {
                    missing++;
                    evidence.Add($"missing: code {codeId} of booking {booking.Id} was acknowledged live, reads {listed.FirstOrDefault(code => code.Id == codeId)?.Status ?? "absent"}");
                }
            }

            foreach (var codeId in booking.CodesThatMustBeGone())
            {
                if (listed.FirstOrDefault(code => code.Id == codeId) is { Status: "pending" or "active" } still)
                {
                    revokesNotApplied++;
                    evidence.Add($"revoke lost: code {codeId} of booking {booking.Id} (revoke or cancel acknowledged) reads {still.Status}");
                }
            }
        }

        var all = codes.Values.SelectMany(list => list).ToList();
        var notSettled = all.Count(code => code.Status is "pending" or "revoking");
        log.WriteLine($"verify: {bookings.Count(booking => booking.TaskId is not null)} cleaning tasks started; codes by status: {string.Join(' ', all.GroupBy(code => code.Status).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key}={group.Count()}"))}");
        var (notOnDevice, wrongWindow, orphans, duplicates) = CompareWithDevices(all, evidence);
        var vendorOf = properties.SelectMany(property => property.Locks).ToDictionary(device => device.RecordId, device => device.Vendor);
        var activeByVendor = all.Where(code => code.Status == "active").GroupBy(code => vendorOf.GetValueOrDefault(code.LockId)).ToDictionary(group => group.Key, group => group.Count());
        log.WriteLine($"verify: active codes compared with their devices: {activeByVendor.GetValueOrDefault(ChaosVendor.Nuki)} on Nuki locks, "
            + $"{activeByVendor.GetValueOrDefault(ChaosVendor.UniFi)} on UniFi doors; {devices.PinlessVisitors()} UniFi visitors without a PIN (open nothing, not counted)");
        var expired = expiry.Outcome(evidence);
        log.WriteLine($"verify: {expired.Codes} codes of {bookings.Count(booking => booking.Purpose == BookingPurpose.Expiring)} stays ending during the run; "
            + $"{expired.LatenessSeconds.Count} seen removed, lateness (removal - window end, 1 s polls) p50 {Seconds(expired.LatenessSeconds, 50)} "
            + $"p95 {Seconds(expired.LatenessSeconds, 95)} max {Seconds(expired.LatenessSeconds, 100)}; {expired.NeverSeenOnDevice} never seen on their device");
        var sesOutcome = await SesCheck.VerifyAsync(ses, bookings, readCancelled, settle, evidence, log);
        log.WriteLine($"verify: {sesOutcome.CheckInBookings} check-in bookings, {sesOutcome.CheckinsComplete} check-ins acknowledged complete");
        return new ChaosVerdict(
            bookings.Count, all.Count, all.Count(code => vendorOf.GetValueOrDefault(code.LockId) == ChaosVendor.UniFi), lost, lostTasks, missing, revokesNotApplied, notSettled, notOnDevice, wrongWindow, orphans, duplicates, serverErrors,
            expired.Codes, expired.StillOnDevice, expired.RemovedEarly, sesOutcome.CheckinsComplete, sesOutcome.Missing, sesOutcome.Duplicates,
            sesOutcome.CancelledCheckIns, sesOutcome.CancellationsMissing, sesOutcome.WrongCancellations, evidence);
    }

    private static string Seconds(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? "-" : $"{Percentiles.Of(sorted, percentile).ToString("F1", CultureInfo.InvariantCulture)} s";

    private (int NotOnDevice, int WrongWindow, int Orphans, int Duplicates) CompareWithDevices(List<ReadCode> codes, List<string> evidence)
    {
        var (notOnDevice, wrongWindow, orphans, duplicates) = (0, 0, 0, 0);
        foreach (var smartlock in properties.SelectMany(property => property.Locks))
        {
            var device = devices.CodesOn(smartlock);
            var active = codes.Where(code => code.LockId == smartlock.RecordId && code.Status == "active").ToList();
            foreach (var code in active)
            {
                var matches = device.Where(held => held.Pin == code.Pin).ToList();
                if (matches.Count == 0)
                {
                    notOnDevice++;
                    evidence.Add($"not on device: code {code.Id} (PIN {code.Pin}) active in Kasify, absent from {smartlock}");
                }
                else if (!matches.Any(held => Near(held.From, code.ValidFrom) && Near(held.To, code.ValidTo)))
                {
                    wrongWindow++;
                    evidence.Add($"window: code {code.Id} is {code.ValidFrom:u}..{code.ValidTo:u} in Kasify, {matches[0].From:u}..{matches[0].To:u} on {smartlock}");
                }
            }

            var activePins = active.Select(code => code.Pin).ToHashSet();
            foreach (var held in device.Where(held => !activePins.Contains(held.Pin)))
            {
                orphans++;
                evidence.Add($"orphan: {smartlock} holds '{held.Name}' PIN {held.Pin} ({held.From:u}..{held.To:u}), not active in Kasify");
            }

            foreach (var pin in device.GroupBy(held => held.Pin).Where(group => group.Count() > 1))
            {
                duplicates++;
                evidence.Add($"duplicate: {smartlock} holds PIN {pin.Key} {pin.Count()} times");
            }
        }

        return (notOnDevice, wrongWindow, orphans, duplicates);
    }

    private async Task<Dictionary<Guid, List<ReadCode>>> ReadCodesAsync(IReadOnlyList<TrackedBooking> bookings)
    {
        var result = new Dictionary<Guid, List<ReadCode>>();
        foreach (var booking in bookings)
        {
            var answer = await ReadAsync(booking.Property.Token, $"/v1/bookings/{booking.Id}/accesscode");
            result[booking.Id] = [.. (answer.Body?["codes"] as JsonArray ?? []).OfType<JsonNode>().Select(code => new ReadCode(
                Guid.Parse(code["id"]!.GetValue<string>()),
                Guid.TryParse(code["smartlock_id"]?.ToString(), out var lockId) ? lockId : Guid.Empty,
                code["code"]?.GetValue<string>() ?? "",
                code["status"]!.GetValue<string>(),
                code["valid_from"]!.GetValue<DateTimeOffset>(),
                code["valid_to"]!.GetValue<DateTimeOffset>()))];
        }

        return result;
    }

    // The cluster is quiet again, but a read can still meet a restarted silo's last hiccup: retried, never counted.
    private async Task<ApiAnswer> ReadAsync(string token, string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await api.GetAsync(token, path);
            if (!answer.IsUnknownOutcome || attempt == 5)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static bool Near(DateTimeOffset? device, DateTimeOffset expected) =>
        device is { } value && (value - expected).Duration() <= WindowTolerance;

    private sealed record ReadCode(Guid Id, Guid LockId, string Pin, string Status, DateTimeOffset ValidFrom, DateTimeOffset ValidTo);
}
