using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kasify.Grains.CheckIn;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.SesReporting;

/// <summary>The Orleans-free decisions of a booking's SES grain: backoff, error classes and texts, due times, feed ids and texts.</summary>
internal static class SesReportingRules
{
    /// <summary>The error code of a communication that lacks data (<see cref="SesStatus.Incomplete"/>).</summary>
    public const string IncompleteCode = "ses.incomplete";

    private const int MaxErrorLength = 500;

    /// <summary>Whether a pending or submitted communication's next send or query is due.</summary>
    public static bool IsDue(SesCommunicationRecord record, DateTimeOffset now) => record.NextActionAt is not { } next || next <= now;

    /// <summary>
    /// Until when a communication found on the wire must not be sent again: one activation's runs never overlap, so a
    /// record that reads <see cref="SesCommunicationRecord.Sending"/> at the start of a run was left so by another
    /// activation, which either died mid-send or (after a false death declaration) is still waiting for the Ministry's
    /// answer. Until that send's own timeout has passed, the other activation may still store its lot (and this
    /// activation's next write then fails on the changed record, so it reloads); resending sooner would repeat the
    /// communication at the Ministry. Null when the record may be sent now.
    /// </summary>
    public static DateTimeOffset? InDoubtUntil(SesCommunicationRecord record, DateTimeOffset now, TimeSpan callTimeout) =>
        record is { Sending: true, LastAttemptAt: { } sentAt } && sentAt + callTimeout > now ? sentAt + callTimeout : null;

    /// <summary>The wait before try <paramref name="attempt"/> (1-based): <paramref name="first"/> doubling up to <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(TimeSpan first, TimeSpan max, int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, max.Ticks));
        return delay < first ? first : delay;
    }

    /// <summary>Whether the Ministry refused the request's content (fix the data) rather than the account or the transport (send again).</summary>
    public static bool NeedsNewData(SesException exception) => exception.Code switch
    {
        SesErrorCode.Unavailable or SesErrorCode.Unhandled or SesErrorCode.InvalidCredentials or SesErrorCode.SoapFault
            or SesErrorCode.MalformedResponse or SesErrorCode.Unknown => false,
        SesErrorCode.MissingArrendadorCode or SesErrorCode.MissingApplication or SesErrorCode.UnknownArrendador
            or SesErrorCode.WrongUser or SesErrorCode.MissingUser or SesErrorCode.CommunicationTypeNotAllowed
            or SesErrorCode.WebServiceDisabled or SesErrorCode.ApplicationTooLong => false,
        _ => true,
    };

    /// <summary>The stable error code Kasify shows: <c>ses.{Ministry code}</c>, or an integration code for transport trouble.</summary>
    public static string ErrorCodeOf(SesException exception) => exception.MinistryCode is { } code && code != 0
        ? "ses." + code.ToString(CultureInfo.InvariantCulture)
        : exception.Code switch
        {
            SesErrorCode.InvalidCredentials => "integration.unauthorized",
            SesErrorCode.Unavailable => "integration.unreachable",
            _ => "ses.unexpected_answer",
        };

    /// <summary>Records a failure, its text cut to a storable length.</summary>
    public static void SetError(SesCommunicationRecord record, string code, string error)
    {
        record.ErrorCode = code;
        record.Error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
    }

    /// <summary>The communication's name in feed entries.</summary>
    public static string Describe(SesCommunicationRecord record) => record.Kind switch
    {
        SesCommunicationKind.BookingReport => "booking report (RH)",
        SesCommunicationKind.GuestRegister => "guest register (PV)",
        _ => "cancellation (B)",
    };

    /// <summary>The stay's dates in feed entries.</summary>
    public static string Stay(BookingSesSource source) => $"{source.Details.From:yyyy-MM-dd} – {source.Details.To:yyyy-MM-dd}";

    /// <summary>The feed entry id of one event of a communication: derived from both, so retries append it once.</summary>
    public static Guid ActivityId(Guid recordId, string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ses:{recordId:N}:{what}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>
    /// Owed, not with the Ministry and not warned about yet: waiting to be sent, waiting for missing data, or refused and
    /// waiting for a fix.
    /// </summary>
    public static bool IsUnsent(SesCommunicationRecord record) =>
        !record.Superseded && record.DeadlineWarnedAt is null && record.Status is SesStatus.Pending or SesStatus.Rejected or SesStatus.Incomplete;

    /// <summary>The error text of an incomplete communication: the fields it lacks, by wire name only (no guest data).</summary>
    public static string Lacking(IReadOnlyCollection<string> fields)
    {
        // Contact is the one rule met by either of two fields, and both are listed.
        var either = fields.Any(field => field.EndsWith("email", StringComparison.Ordinal)) ? " (an email or a phone is enough)" : "";
        return $"Not sent: missing {string.Join(", ", fields)}{either}. It is sent as soon as they are given.";
    }

    /// <summary>The feed entry of a communication that starts to wait for data: it names the fields only, never their values.</summary>
    public static string IncompleteSummary(SesCommunicationRecord record, BookingSesSource source) =>
        $"The {Describe(record)} of the stay {Stay(source)} cannot be sent to SES.HOSPEDAJES yet ({Obstacle(record)}); the booking shows what to add.";

    /// <summary>What keeps an unsent communication back, for feed entries: the missing fields, else the last error code.</summary>
    public static string Obstacle(SesCommunicationRecord record) => record.Status == SesStatus.Incomplete
        ? "missing: " + string.Join(", ", record.MissingFields)
        : "last error: " + (record.ErrorCode ?? "none");

    /// <summary>
    /// When the grain must run next: the earliest next send or query of an open communication (now when it has none yet),
    /// or the deadline warning of an unsent one; null when nothing is owed.
    /// </summary>
    public static DateTimeOffset? NextDue(IReadOnlyCollection<SesCommunicationRecord> records, DateTimeOffset now, TimeSpan warnAfter)
    {
        var times = records.Where(record => record.IsOpen).Select(record => record.NextActionAt ?? now)
            .Concat(records.Where(IsUnsent).Select(record => record.TriggeredAt + warnAfter))
            .ToList();
        return times.Count == 0 ? null : times.Min();
    }

    /// <summary>The Ministry took the request and gave it a lot: the communication waits for the lot's result.</summary>
    public static void MarkSubmitted(SesCommunicationRecord record, string lot, DateTimeOffset now, TimeSpan firstPoll)
    {
        record.Sending = false;
        record.Status = SesStatus.Submitted;
        record.Lot = lot;
        record.SubmittedAt = now;
        record.Polls = 0;
        record.NextActionAt = now + firstPoll;
        record.ErrorCode = null;
        record.Error = null;
    }

    /// <summary>The feed entry of a communication the Ministry accepted.</summary>
    public static string AcceptedSummary(SesCommunicationRecord record, BookingSesSource source) =>
        $"SES.HOSPEDAJES accepted the {Describe(record)} of the stay {Stay(source)}.";

    /// <summary>The feed entry of a refused communication: the problem's code only; the text is on the booking for its hosts.</summary>
    public static string RejectedSummary(SesCommunicationRecord record, BookingSesSource source, string code) =>
        $"SES.HOSPEDAJES refused the {Describe(record)} of the stay {Stay(source)} ({code}); the booking shows what to fix.";

    /// <summary>The feed entry of a communication still not with the Ministry long after its trigger.</summary>
    public static string DeadlineSummary(SesCommunicationRecord record, BookingSesSource source, DateTimeOffset now) =>
        $"The {Describe(record)} of the stay {Stay(source)} is still not with the Ministry {(int)(now - record.TriggeredAt).TotalHours} h after its trigger; the law allows 24 h ({Obstacle(record)}).";

    /// <summary>Ministry and pre-send texts quote document numbers; stored and shown, they carry the masked form only.</summary>
    public static string Mask(string text, SesContent content)
    {
        foreach (var number in content.Guests.Select(guest => guest.DocumentNumber).OfType<string>().Where(number => number.Length > 0))
        {
            text = text.Replace(number, GuestRules.MaskDocumentNumber(number), StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
