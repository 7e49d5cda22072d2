using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.SesReporting;

/// <summary>Turns a booking's communication records into the tracking its responses carry.</summary>
internal static class SesTrackingView
{
    public static SesTracking Of(BookingSesState state)
    {
        var records = state.Communications;
        var current = records.Where(record => !record.Superseded).ToList();
        var newestSubmitted = records.Where(record => record.SubmittedAt is not null).MaxBy(record => record.SubmittedAt);
        var failing = current.LastOrDefault(record => record.Error is not null && record.Status is SesStatus.Rejected or SesStatus.Incomplete or SesStatus.Pending);
        return new SesTracking(
            Status(records, current),
            newestSubmitted?.SubmittedAt,
            newestSubmitted?.Lot,
            records.Max(record => record.LastAttemptAt),
            failing?.Error,
            [.. records.Select(View)],
            state.Version)
        {
            MissingFields = [.. current.Where(record => record.Status == SesStatus.Incomplete).SelectMany(record => record.MissingFields).Distinct()],
        };
    }

    private static SesStatus Status(List<SesCommunicationRecord> records, List<SesCommunicationRecord> current)
    {
        if (current.Count == 0)
        {
            return records.Count == 0 ? SesStatus.NotRequired : SesStatus.Cancelled;
        }

        foreach (var status in new[] { SesStatus.Rejected, SesStatus.Incomplete, SesStatus.Pending, SesStatus.Submitted })
        {
            if (current.Any(record => record.Status == status))
            {
                return status;
            }
        }

        // Everything final: a cancelled booking's communications end cancelled, the others accepted.
        return current.Any(record => record.Status == SesStatus.Cancelled) ? SesStatus.Cancelled : SesStatus.Accepted;
    }

    private static SesCommunicationView View(SesCommunicationRecord record) => new(
        record.Id,
        record.Kind,
        record.Status,
        record.TriggeredAt,
        record.SubmittedAt,
        record.Lot,
        record.LastAttemptAt,
        record.Attempts,
        record.CommunicationCode,
        record.ErrorCode,
        record.Error,
        record.ProcessedAt,
        [.. record.GuestIds.Select(id => new SesGuestResult(id, record.Status, record.Status == SesStatus.Rejected ? record.Error : null)
        {
            MissingFields = record.Status == SesStatus.Incomplete && record.MissingGuestFields.TryGetValue(id, out var fields) ? [.. fields] : [],
        })])
    {
        MissingFields = record.Status == SesStatus.Incomplete ? [.. record.MissingFields] : [],
    };
}
