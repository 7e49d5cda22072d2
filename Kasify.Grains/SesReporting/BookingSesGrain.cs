using System.Text.Json;
using Kasify.Grains.Activity;
using Kasify.Grains.CheckIn;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Security;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;
using static Kasify.Grains.SesReporting.SesReportingRules;

namespace Kasify.Grains.SesReporting;

// Level-triggered: every run reads the booking, its property and the account's integration, plans the communications
// that are owed (SesReportingPlan), then sends and polls whatever is due. A communication is stored before it is sent
// and marked as on the wire while it is, so a restart resends only what never got a lot (and only once that send's
// timeout has passed, in case its activation still lives), and the same content is never planned twice. Calls go to the booking, property, account, integration and activity grains, which never call back
// except the property's wake-up, which interleaves here.
internal sealed partial class BookingSesGrain(
    [PersistentState("bookingSes", StorageNames.Kasify)] IPersistentState<BookingSesState> state,
    IGrainFactory grains,
    ISesClient ses,
    ISecretProtector protector,
    SesReportingOptions options,
    TimeProvider time,
    ILogger<BookingSesGrain> logger) : Grain, IBookingSesGrain, IRemindable
{
    private const string ReminderName = "ses";

    // How long a lot may stay unknown to the Ministry's queries before it is given up.
    private static readonly TimeSpan LotVisibility = TimeSpan.FromDays(1);

    private IGrainTimer? _timer;
    private bool _reminderRegistered;
    private long _wakes;
    private DateTimeOffset _lastWakeAt = DateTimeOffset.MinValue;
    private long _pushedVersion = -1;
    private string? _pushedView;

    private Guid BookingId => this.GetPrimaryKey();

    public async Task WakeAsync()
    {
        _wakes++;
        _lastWakeAt = time.GetUtcNow();
        await EnsureReminderAsync();
        Schedule(TimeSpan.Zero);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunAsync();

    private async Task RunAsync()
    {
        var wakes = _wakes;
        DateTimeOffset? next;
        try
        {
            next = await ReconcileAsync();
            await DeliverFeedAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever failed (a grain, the database, the feed), the stored records are intact: try again soon.
            LogRunFailed(logger, exception, BookingId);
            next = time.GetUtcNow() + options.RetryBaseDelay;
        }

        if (_wakes != wakes)
        {
            // Woken while running: the booking may have changed after it was read.
            Schedule(TimeSpan.Zero);
            return;
        }

        if (next is { } due)
        {
            await EnsureReminderAsync();
            Schedule(due - time.GetUtcNow());
            return;
        }

        // Nothing owed. A fresh wake-up may precede the booking change it announces (the property wakes this grain
        // before the change too), so the reminder stays until that change has had time to land.
        if (time.GetUtcNow() - _lastWakeAt > options.ReminderPeriod * 2)
        {
            await RemoveReminderAsync(wakes);
        }
    }

    private async Task<DateTimeOffset?> ReconcileAsync()
    {
        var booking = grains.GetGrain<IBookingGrain>(BookingId);
        if (state.State.PropertyId == Guid.Empty)
        {
            if (await booking.GetPropertyIdAsync() is not { } propertyId)
            {
                return null;
            }

            state.State.PropertyId = propertyId;
        }

        var source = await booking.GetSesSourceAsync();
        var facts = source?.Facts;
        if (facts is null || source is null)
        {
            // The booking or its property was erased: nothing can be reported any more.
            return null;
        }

        if (source.Unsettled)
        {
            // A change is being written: read the booking again once it is stored (or rolled back).
            return time.GetUtcNow() + options.PollBaseDelay;
        }

        var now = time.GetUtcNow();
        var account = await LoadAccountAsync(facts.AccountId);
        var guests = source.Guests.Select(Decrypt).ToList();
        var content = new SesContent(BookingId, source, facts, guests);
        var waiting = state.State.Communications.Where(record => record.Status == SesStatus.Incomplete).Select(record => record.Id).ToHashSet();
        if (SesReportingPlan.Apply(state.State.Communications, content, account is not null, now))
        {
            await SaveAsync();
        }

        // The feed reaches every member: it names the missing fields only, once per communication that starts to wait.
        foreach (var record in state.State.Communications.Where(record => record.Status == SesStatus.Incomplete && !waiting.Contains(record.Id)).ToList())
        {
            QueueActivity(record, "incomplete", ActivityKind.SesIncomplete, IncompleteSummary(record, source));
        }

        foreach (var record in state.State.Communications.Where(record => record.IsOpen && record.Status == SesStatus.Pending && IsDue(record, now)).ToList())
        {
            if (InDoubtUntil(record, now, options.CallTimeout) is { } until)
            {
                // Kept in memory only: the next run comes then, and a lot stored meanwhile by the other activation makes
                // this activation's next write fail and reload.
                record.NextActionAt = until;
                continue;
            }

            await SendAsync(record, content, account, now);
        }

        var polled = state.State.Communications.Where(record => record.IsOpen && record.Status == SesStatus.Submitted && IsDue(record, now)).ToList();
        foreach (var batch in polled.Chunk(SesLimits.MaxLotsPerQuery))
        {
            await PollAsync(batch, account, content);
        }

        await WarnOfDeadlinesAsync(source, time.GetUtcNow());
        await PushTrackingAsync(booking);
        return NextDue(state.State.Communications, time.GetUtcNow(), options.DeadlineWarningAfter);
    }

    private async Task SendAsync(SesCommunicationRecord record, SesContent content, SesAccount? account, DateTimeOffset now)
    {
        if (account is null)
        {
            // Kept, not dropped: reconnecting the integration sends it.
            SetError(record, "ses.integration_missing", "The account has no SES.HOSPEDAJES integration; connect it to send this communication.");
            record.NextActionAt = now + options.RetryMaxDelay;
            await SaveAsync();
            return;
        }

        // What goes on the wire is today's content: the record takes its fingerprint, so a change made while this send was
        // in doubt is recognised as new content afterwards, and the same content is never planned again.
        if (record.Kind != SesCommunicationKind.Cancellation)
        {
            record.Fingerprint = content.Fingerprint(record.Kind);
        }

        record.Sending = true;
        record.Attempts++;
        record.LastAttemptAt = now;
        await SaveAsync();
        try
        {
            using var timeout = new CancellationTokenSource(options.CallTimeout);
            var submission = record.Kind switch
            {
                SesCommunicationKind.BookingReport => await ses.SendBookingReportAsync(account, content.BookingReport(), timeout.Token),
                SesCommunicationKind.GuestRegister => await ses.SendGuestRegisterAsync(account, content.GuestRegister(), timeout.Token),
                _ => await ses.CancelCommunicationsAsync(account, [CancelledCode(record)], timeout.Token),
            };
            if (string.IsNullOrEmpty(submission.Lot))
            {
                throw new SesException(SesErrorCode.MalformedResponse, "SES.HOSPEDAJES accepted the request without a lot.");
            }

            MarkSubmitted(record, submission.Lot, time.GetUtcNow(), options.PollBaseDelay);
            await SaveAsync();
        }
        catch (SesValidationException exception)
        {
            record.Sending = false;
            await RejectAsync(record, content, "ses.validation", string.Join("; ", exception.Violations));
        }
        catch (SesException exception) when (NeedsNewData(exception))
        {
            record.Sending = false;
            await RejectAsync(record, content, ErrorCodeOf(exception), exception.MinistryText ?? exception.Message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Transport, outage, timeout or account trouble: the Ministry gave no lot. The protocol cannot look a request up
            // by content, so the same content goes again later (an answer lost after the Ministry queued the request is the
            // one case that can repeat a communication).
            record.Sending = false;
            var (code, text) = exception is SesException failure
                ? (ErrorCodeOf(failure), failure.MinistryText ?? failure.Message)
                : ("integration.unreachable", $"SES.HOSPEDAJES did not answer in time ({exception.GetType().Name}).");
            SetError(record, code, Mask(text, content));
            record.NextActionAt = time.GetUtcNow() + Backoff(options.RetryBaseDelay, options.RetryMaxDelay, record.Attempts);
            LogSendFailed(logger, exception, record.Kind, BookingId);
            await SaveAsync();
        }
    }

    private async Task PollAsync(SesCommunicationRecord[] batch, SesAccount? account, SesContent content)
    {
        var now = time.GetUtcNow();
        if (account is null)
        {
            foreach (var record in batch)
            {
                record.NextActionAt = now + options.RetryMaxDelay;
            }

            await SaveAsync();
            return;
        }

        IReadOnlyList<SesLot> lots;
        try
        {
            using var timeout = new CancellationTokenSource(options.CallTimeout);
            lots = await ses.QueryLotsAsync(account, [.. batch.Select(record => record.Lot!)], timeout.Token);
        }
        catch (Exception exception) when (exception is SesException or OperationCanceledException)
        {
            foreach (var record in batch)
            {
                record.Polls++;
                record.NextActionAt = now + Backoff(options.PollBaseDelay, options.PollMaxDelay, record.Polls);
            }

            LogPollFailed(logger, exception, BookingId);
            await SaveAsync();
            return;
        }

        foreach (var record in batch)
        {
            var lot = lots.FirstOrDefault(candidate => string.Equals(candidate.Lot, record.Lot, StringComparison.OrdinalIgnoreCase));
            await ApplyLotAsync(record, lot, content, now);
        }

        await SaveAsync();
    }

    private async Task ApplyLotAsync(SesCommunicationRecord record, SesLot? lot, SesContent content, DateTimeOffset now)
    {
        switch (lot?.State)
        {
            case SesLotState.Processed:
                record.Status = SesStatus.Accepted;
                record.ProcessedAt = lot.ProcessedAt ?? now;
                record.CommunicationCode = lot.Communications.FirstOrDefault(result => result.Succeeded)?.CommunicationCode;
                record.ErrorCode = null;
                record.Error = null;
                if (record.Cancels is { } cancelled && Find(cancelled) is { } target)
                {
                    target.Status = SesStatus.Cancelled;
                }

                QueueActivity(record, "accepted", ActivityKind.SesAccepted, AcceptedSummary(record, content.Source));
                break;

            case SesLotState.Rejected or SesLotState.PartiallyProcessed:
                record.ProcessedAt = lot.ProcessedAt ?? now;
                var failure = lot.Communications.FirstOrDefault(result => !result.Succeeded);
                await RejectAsync(record, content, "ses.refused", failure?.Error ?? lot.StateText ?? "SES.HOSPEDAJES refused the communication.", save: false);
                break;

            case SesLotState.Failed:
                // The Ministry could not process the lot: nothing was stored, so the same content goes again.
                record.Status = SesStatus.Pending;
                record.Lot = null;
                SetError(record, "ses.lot_failed", lot.StateText ?? "SES.HOSPEDAJES could not process the lot.");
                record.NextActionAt = now + Backoff(options.RetryBaseDelay, options.RetryMaxDelay, record.Attempts);
                break;

            case null when now - record.SubmittedAt > LotVisibility:
                // The Ministry silently omits lots it does not know (another arrendador, a purged lot): stop asking.
                await RejectAsync(record, content, "ses.lot_unknown", $"SES.HOSPEDAJES no longer reports lot {record.Lot}; check the communication in its portal.", save: false);
                break;

            default:
                // Queued, in process, or not visible yet: ask again later, less and less often.
                record.Polls++;
                record.NextActionAt = now + Backoff(options.PollBaseDelay, options.PollMaxDelay, record.Polls);
                break;
        }
    }

    private async Task RejectAsync(SesCommunicationRecord record, SesContent content, string code, string error, bool save = true)
    {
        record.Status = SesStatus.Rejected;
        record.NextActionAt = null;
        SetError(record, code, Mask(error, content));
        if (save)
        {
            await SaveAsync();
        }

        // The feed reaches every member, so it names the problem's code only; the text is on the booking for its hosts.
        QueueActivity(record, "rejected:" + record.Attempts, ActivityKind.SesRejected, RejectedSummary(record, content.Source, code));
    }

    private async Task WarnOfDeadlinesAsync(BookingSesSource source, DateTimeOffset now)
    {
        var late = state.State.Communications
            .Where(record => IsUnsent(record) && record.TriggeredAt + options.DeadlineWarningAfter <= now)
            .ToList();
        foreach (var record in late)
        {
            record.DeadlineWarnedAt = now;
            QueueActivity(record, "deadline", ActivityKind.SesDeadlineWarning, DeadlineSummary(record, source, now));
        }

        if (late.Count > 0)
        {
            await SaveAsync();
        }
    }

    // Polls change the stored records (their next query) but seldom what a booking shows: only a visible change is pushed.
    private async Task PushTrackingAsync(IBookingGrain booking)
    {
        if (_pushedVersion == state.State.Version)
        {
            return;
        }

        var tracking = SesTrackingView.Of(state.State);
        var visible = JsonSerializer.Serialize(tracking with { Version = 0 });
        if (visible != _pushedView)
        {
            await booking.RecordSesTrackingAsync(tracking);
            _pushedView = visible;
        }

        _pushedVersion = state.State.Version;
    }

    private async Task<SesAccount?> LoadAccountAsync(Guid accountId)
    {
        var integrations = await grains.GetGrain<IAccountGrain>(accountId).GetIntegrationsAsync();
        var entry = integrations.FirstOrDefault(integration => integration.Type == IntegrationType.SesHospedajes);
        if (entry is null)
        {
            return null;
        }

        var credentials = await grains.GetGrain<IIntegrationGrain>(entry.Id).GetCredentialsAsync();
        return credentials?.Ses is { } settings
            ? new SesAccount(settings.Username, credentials.Token, settings.ArrendadorCode, settings.Environment, settings.ApplicationName)
            : null;
    }

    private ValidatedGuest Decrypt(EncryptedGuest guest) =>
        protector.UnprotectJson<ValidatedGuest>(guest.Protected, CheckinRules.ProtectionContext(BookingId, guest.Id));

    private string CancelledCode(SesCommunicationRecord cancellation) =>
        (cancellation.Cancels is { } id ? Find(id)?.CommunicationCode : null)
        ?? throw new InvalidOperationException($"Cancellation {cancellation.Id} has no accepted communication to cancel.");

    private SesCommunicationRecord? Find(Guid id) => state.State.Communications.FirstOrDefault(record => record.Id == id);

    private async Task SaveAsync()
    {
        state.State.Version++;
        await state.SaveAsync(this);
    }

    // Queued in the state, so the save that stores the communication's change stores its entry (or the run's last one).
    private void QueueActivity(SesCommunicationRecord record, string what, ActivityKind kind, string summary) =>
        state.State.PendingFeed.Add(new ActivityEntry(ActivityId(record.Id, what), state.State.PropertyId, kind, time.GetUtcNow(), BookingId, null, summary));

    // After each run: the entries are stored first, then handed to the feed, which takes each once by its (derived) id.
    private async Task DeliverFeedAsync()
    {
        if (state.State.PendingFeed.Count == 0)
        {
            return;
        }

        await SaveAsync();
        await PendingActivity.DeliverAsync(grains, state.State.PropertyId, state.State.PendingFeed);
        await SaveAsync();
    }

    private async Task EnsureReminderAsync()
    {
        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.ReminderPeriod, options.ReminderPeriod);
            _reminderRegistered = true;
        }
    }

    private async Task RemoveReminderAsync(long wakes)
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderRegistered = false;
        if (_wakes != wakes)
        {
            // Woken while the reminder was going: put it back before anything else can be lost.
            await EnsureReminderAsync();
        }
    }

    private void Schedule(TimeSpan due)
    {
        var delay = due < TimeSpan.Zero ? TimeSpan.Zero : due;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(static (grain, _) => grain.RunAsync(), this, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SES.HOSPEDAJES reporting of booking {BookingId} failed; it runs again shortly")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not send the SES.HOSPEDAJES {Kind} of booking {BookingId}; sending it again later")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, SesCommunicationKind kind, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not query the SES.HOSPEDAJES lots of booking {BookingId}; querying again later")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, Guid bookingId);

}
