using System.Diagnostics;
using Kasify.Chaos.Ledger;
using Kasify.Fakes.Ses;

namespace Kasify.Chaos.Verification;

/// <summary>
/// Compares what the SES fake received with what Kasify owes: every acknowledged check-in booking its booking report
/// (RH) exactly once, and every booking whose check-in the API acknowledged complete its guest register (PV) exactly
/// once. A communication is named by its type and its contract reference (the booking id); no communication, of any
/// booking, may arrive twice with the same content.
/// </summary>
internal static class SesCheck
{
    /// <summary>Waits until the fake holds every owed communication or <paramref name="settle"/> has passed, then counts.</summary>
    public static async Task<SesOutcome> VerifyAsync(SesFakeState ses, IReadOnlyList<TrackedBooking> bookings, TimeSpan settle, List<string> evidence, TextWriter log)
    {
        var checkIns = bookings.Where(booking => booking.Purpose == BookingPurpose.CheckIn).ToList();
        var owed = checkIns.Select(booking => ("RH", Reference(booking)))
            .Concat(checkIns.Where(booking => booking.CheckinAcknowledgedComplete).Select(booking => ("PV", Reference(booking))))
            .ToList();
        var clock = Stopwatch.StartNew();
        List<(string Type, string Reference, string Xml)> received;
        while (true)
        {
            received = Received(ses);
            var present = received.Select(c => (c.Type, c.Reference)).ToHashSet();
            var missingNow = owed.Count(item => !present.Contains(item));
            if (missingNow == 0 || clock.Elapsed >= settle)
            {
                log.WriteLine($"verify: SES communications settled after {clock.Elapsed.TotalSeconds:F0} s ({missingNow} of {owed.Count} owed not received); "
                    + $"the fake holds {string.Join(' ', received.GroupBy(c => c.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"))}");
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
                evidence.Add($"ses duplicate: {group.Key.Type} of booking {group.Key.Reference} received {group.Count()} times");
            }
        }

        return new SesOutcome(checkIns.Count, checkIns.Count(booking => booking.CheckinAcknowledgedComplete), missing, duplicates);
    }

    private static string Reference(TrackedBooking booking) => booking.Id.ToString("N");

    private static List<(string Type, string Reference, string Xml)> Received(SesFakeState ses) =>
        [.. ses.Lots.Where(lot => lot.TipoOperacion == "A")
            .SelectMany(lot => lot.Communications.Select(c => (lot.TipoComunicacion ?? "", c.Referencia, c.Xml)))];
}
