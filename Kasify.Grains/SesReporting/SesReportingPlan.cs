using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.SesReporting;

/// <summary>
/// Decides which communications a booking owes, from what it says now and what was planned before. Pure: it only
/// changes the records. The rules: a booking report (RH) for an active booking, a guest register (PV) once check-in is
/// complete, each once per content (a fingerprint); changed content replaces a communication not sent yet, follows one
/// that was refused, and cancels then replaces one that was accepted; a communication not sent yet waits, incomplete,
/// while it lacks data (<see cref="SesContent.Missing"/>) and is due as soon as nothing is missing; a cancelled booking
/// drops what was never sent and cancels what was accepted.
/// </summary>
internal static class SesReportingPlan
{
    /// <summary>Updates <paramref name="records"/>; returns whether anything changed.</summary>
    /// <param name="records">The booking's communications, oldest first.</param>
    /// <param name="content">The booking now.</param>
    /// <param name="reporting">Whether the account has an SES.HOSPEDAJES integration (new communications need one).</param>
    /// <param name="now">The current instant.</param>
    public static bool Apply(List<SesCommunicationRecord> records, SesContent content, bool reporting, DateTimeOffset now)
    {
        var changed = false;
        if (!content.IsActive)
        {
            foreach (var record in records.Where(record => record.Kind != SesCommunicationKind.Cancellation && !record.Superseded).ToList())
            {
                changed |= Withdraw(records, record, now);
            }

            return changed;
        }

        changed |= Follow(records, SesCommunicationKind.BookingReport, content, reporting, content.Source.CreatedAt, now);
        if (content.CheckinCompleted)
        {
            changed |= Follow(records, SesCommunicationKind.GuestRegister, content, reporting, content.Source.CheckinCompletedAt!.Value, now);
        }

        // Every run, not only on changed content: data that arrives (or goes) decides whether an unsent one can go.
        foreach (var record in records.Where(record => !record.Superseded && record.Kind != SesCommunicationKind.Cancellation))
        {
            changed |= Assess(record, content);
        }

        return changed;
    }

    private static bool Follow(List<SesCommunicationRecord> records, SesCommunicationKind kind, SesContent content, bool reporting, DateTimeOffset trigger, DateTimeOffset now)
    {
        var latest = records.LastOrDefault(record => record.Kind == kind && !record.Superseded);
        if (latest is null && !reporting && !records.Any(record => record.Kind == kind))
        {
            return false;
        }

        var fingerprint = content.Fingerprint(kind);
        if (latest?.Fingerprint == fingerprint)
        {
            return false;
        }

        switch (latest)
        {
            case null:
                break;

            case { Status: SesStatus.Pending, Sending: false } or { Status: SesStatus.Incomplete }:
                // Never on the wire: the send builds today's content, under the new fingerprint.
                latest.Fingerprint = fingerprint;
                latest.GuestIds = GuestIds(kind, content);
                return true;

            case { Status: SesStatus.Pending } or { Status: SesStatus.Submitted }:
                // Possibly with the Ministry: wait for its answer before deciding.
                return false;

            case { Status: SesStatus.Accepted }:
                Cancel(records, latest, now);
                latest.Superseded = true;
                break;

            default:
                latest.Superseded = true;
                break;
        }

        // The first communication of a kind counts from its trigger, a correction of a refused one from that same trigger
        // (the obligation is still the original one), a replacement of an accepted one from the change that caused it.
        var next = NewRecord(kind, fingerprint, latest is null ? trigger : latest.Status == SesStatus.Rejected ? latest.TriggeredAt : now, GuestIds(kind, content));
        next.DeadlineWarnedAt = latest?.Status == SesStatus.Rejected ? latest.DeadlineWarnedAt : null;
        records.Add(next);
        return true;
    }

    // Incomplete while data is missing, pending (due now) once nothing is; only for a communication not on the wire yet.
    private static bool Assess(SesCommunicationRecord record, SesContent content)
    {
        if (record is not ({ Status: SesStatus.Pending, Sending: false } or { Status: SesStatus.Incomplete }))
        {
            return false;
        }

        var missing = content.Missing(record.Kind);
        var status = missing.IsEmpty ? SesStatus.Pending : SesStatus.Incomplete;
        if (record.Status == status && missing.IsRecordedOn(record))
        {
            return false;
        }

        if (status == SesStatus.Incomplete)
        {
            SesReportingRules.SetError(record, SesReportingRules.IncompleteCode, SesReportingRules.Lacking(missing.Fields));
        }
        else if (record.ErrorCode == SesReportingRules.IncompleteCode)
        {
            record.ErrorCode = null;
            record.Error = null;
        }

        record.Status = status;
        record.NextActionAt = null;
        record.MissingFields = missing.Fields;
        record.MissingGuestFields = missing.GuestFields;
        return true;
    }

    private static bool Withdraw(List<SesCommunicationRecord> records, SesCommunicationRecord record, DateTimeOffset now)
    {
        switch (record)
        {
            case { Status: SesStatus.Pending, Sending: false } or { Status: SesStatus.Incomplete }:
                record.Status = SesStatus.Cancelled;
                record.Superseded = true;
                record.NextActionAt = null;
                return true;

            case { Status: SesStatus.Accepted, CancelledBy: null }:
                Cancel(records, record, now);
                return true;

            case { Status: SesStatus.Rejected }:
                record.Superseded = true;
                return true;

            default:
                return false;
        }
    }

    private static void Cancel(List<SesCommunicationRecord> records, SesCommunicationRecord accepted, DateTimeOffset now)
    {
        if (accepted.CancelledBy is not null || accepted.CommunicationCode is null)
        {
            return;
        }

        var cancellation = NewRecord(SesCommunicationKind.Cancellation, accepted.CommunicationCode, now, []);
        cancellation.Cancels = accepted.Id;
        accepted.CancelledBy = cancellation.Id;
        records.Add(cancellation);
    }

    private static SesCommunicationRecord NewRecord(SesCommunicationKind kind, string fingerprint, DateTimeOffset trigger, List<Guid> guests) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        Fingerprint = fingerprint,
        TriggeredAt = trigger,
        Status = SesStatus.Pending,
        GuestIds = guests,
    };

    private static List<Guid> GuestIds(SesCommunicationKind kind, SesContent content) =>
        kind == SesCommunicationKind.GuestRegister ? [.. content.Source.Guests.Select(guest => guest.Id)] : [];
}
