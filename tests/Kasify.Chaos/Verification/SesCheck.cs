using System.Diagnostics;
using System.Globalization;
using Kasify.Chaos.Ledger;
using Kasify.Fakes.Ses;

namespace Kasify.Chaos.Verification;

/// <summary>
/// Compares what the SES fake received with what Kasify owes: every acknowledged check-in booking its booking report
/// (RH) exactly once, and every booking whose check-in the API acknowledged complete its guest register (PV) exactly
/// once. A communication is named by its type and its contract reference (the booking id); no communication, of any
/// booking, may arrive twice with the same content. A check-in booking someone cancelled owes no report any more (one
/// not sent yet is withdrawn). Whether a booking is cancelled is what it reads back (a cancel without an answer may or
/// may not have happened): every stored report of a booking that reads cancelled owes exactly one cancellation, and a
/// report of a booking that does not must never be cancelled.
/// </summary>
internal static class SesCheck
{
    /// <summary>Waits until the fake holds every owed communication or <paramref name="settle"/> has passed, then counts.</summary>
    public static async Task<SesOutcome> VerifyAsync(
        SesFakeState ses, IReadOnlyList<TrackedBooking> bookings, IReadOnlySet<Guid> readCancelled, TimeSpan settle, List<string> evidence, TextWriter log)
    {
        var checkIns = bookings.Where(booking => booking.Purpose == BookingPurpose.CheckIn).ToList();
        var live = checkIns.Where(booking => !booking.CancelSent).ToList();
        var owed = live.Select(booking => ("RH", Reference(booking)))
            .Concat(live.Where(booking => booking.CheckinAcknowledgedComplete).Select(booking => ("PV", Reference(booking))))
            .ToList();
        var cancelledReferences = checkIns.Where(booking => readCancelled.Contains(booking.Id)).Select(Reference).ToHashSet(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        List<(string Type, string Reference, string Xml, DateTimeOffset At)> received;
        while (true)
        {
            received = Received(ses);
            var present = received.Select(c => (c.Type, c.Reference)).ToHashSet();
            var cancels = Cancellations(ses);
            var missingNow = owed.Count(item => !present.Contains(item))
                + Stored(ses).Count(stored => cancelledReferences.Contains(stored.Reference) && !cancels.ContainsKey(stored.Code));
            if (missingNow == 0 || clock.Elapsed >= settle)
            {
                log.WriteLine($"verify: SES communications settled after {clock.Elapsed.TotalSeconds:F0} s ({missingNow} owed communications and cancellations not received); "
                    + $"the fake holds {string.Join(' ', received.GroupBy(c => c.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"))} "
                    + $"and {cancels.Values.Sum()} cancellations");
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var counts = received.GroupBy(c => (c.Type, c.Reference)).ToDictionary(group => group.Key, group => group.Count());
        var missing = 0;
        foreach (var (type, reference) in owed.Where(item => !counts.ContainsKey(item)))
        {
            missing++;
            evidence.Add($"ses missing: {type} of booking {reference} never reached the SES fake");
        }

        // Check-in bookings are never changed, so a second communication of theirs is a repeat even if its content differs;
        // for every other booking only identical content counts (a moved booking is reported anew, as it should be).
        var duplicates = 0;
        var checkInReferences = checkIns.Select(Reference).ToHashSet(StringComparer.Ordinal);
        foreach (var group in received.GroupBy(c => (c.Type, c.Reference)).Where(group => group.Count() > 1))
        {
            var repeats = checkInReferences.Contains(group.Key.Reference)
                ? group.Count() - 1
                : group.GroupBy(c => c.Xml, StringComparer.Ordinal).Sum(same => same.Count() - 1);
            if (repeats > 0)
            {
                duplicates += repeats;
                evidence.Add($"ses duplicate: {group.Key.Type} of booking {group.Key.Reference} received {group.Count()} times, at {string.Join(", ", group.Select(c => c.At.ToString("HH:mm:ss.f", CultureInfo.InvariantCulture)))} UTC");
            }
        }

        // Cancellations, per stored report: the reference of a cancel is the code the Ministry gave the report.
        var (cancellationsMissing, wrongCancellations) = (0, 0);
        var cancellations = Cancellations(ses);
        var storedCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (reference, code, type) in Stored(ses))
        {
            storedCodes.Add(code);
            var times = cancellations.GetValueOrDefault(code);
            if (cancelledReferences.Contains(reference) && times == 0)
            {
                cancellationsMissing++;
                evidence.Add($"ses cancellation missing: {type} {code} of booking {reference} (reads cancelled) was never cancelled");
            }
            else if (cancelledReferences.Contains(reference) && times > 1)
            {
                duplicates += times - 1;
                evidence.Add($"ses duplicate: cancellation of {type} {code} of booking {reference} received {times} times");
            }
            else if (!cancelledReferences.Contains(reference) && times > 0)
            {
                wrongCancellations++;
                evidence.Add($"ses wrong cancellation: {type} {code} of booking {reference}, which does not read cancelled, was cancelled");
            }
        }

        wrongCancellations += cancellations.Keys.Count(code => !storedCodes.Contains(code));
        var cancelledCheckIns = checkIns.Count(booking => booking.CancelSent);
        log.WriteLine($"verify: cancels sent for {cancelledCheckIns} checked-in bookings, {cancelledReferences.Count} read cancelled; "
            + $"{Stored(ses).Count(stored => cancelledReferences.Contains(stored.Reference))} reports of those were stored and {cancellations.Values.Sum()} cancellations received");
        return new SesOutcome(checkIns.Count, checkIns.Count(booking => booking.CheckinAcknowledgedComplete), cancelledCheckIns, missing, duplicates, cancellationsMissing, wrongCancellations);
    }

    private static string Reference(TrackedBooking booking) => booking.Id.ToString("N");

    // Reports the fake stored (it gave them a code), of every check-in booking and every other booking alike.
    private static List<(string Reference, string Code, string Type)> Stored(SesFakeState ses) =>
        [.. ses.Lots.Where(lot => lot.TipoOperacion == "A")
            .SelectMany(lot => lot.Communications.Where(c => c.CodigoComunicacion is not null).Select(c => (c.Referencia, c.CodigoComunicacion!, lot.TipoComunicacion ?? "")))];

    // Cancellations received, counted per cancelled communication code.
    private static Dictionary<string, int> Cancellations(SesFakeState ses) =>
        ses.Lots.Where(lot => lot.TipoOperacion == "B")
            .SelectMany(lot => lot.Communications)
            .GroupBy(c => c.Referencia, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    private static List<(string Type, string Reference, string Xml, DateTimeOffset At)> Received(SesFakeState ses) =>
        [.. ses.Lots.Where(lot => lot.TipoOperacion == "A")
            .SelectMany(lot => lot.Communications.Select(c => (lot.TipoComunicacion ?? "", c.Referencia, c.Xml, lot.ReceivedAt)))];
}
