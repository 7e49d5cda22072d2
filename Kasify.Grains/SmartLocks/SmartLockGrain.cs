using System.Collections.Immutable;
using Kasify.Grains.Activity;
using Kasify.Grains.Integrations;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Security;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kasify.Grains.SmartLocks;

// Calls go to the integration grain (credentials, interleaving) and the activity feed only; the property grain calls this
// one. Not reentrant: every change of the device's codes happens one at a time, timers and reminders included.
// Vendor-neutral: what differs per vendor is in the drivers (ILockDriver), the decisions about codes in SmartLockRules,
// and the reminders and timer that carry the work in LockCodeAlarms.
internal sealed partial class SmartLockGrain(
    [PersistentState("smartlock", StorageNames.Kasify)] IPersistentState<SmartLockState> state,
    IGrainFactory grains,
    IEnumerable<ILockDriver> drivers,
    ISecretProtector protector,
    SmartLockOptions options,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<SmartLockGrain> logger) : Grain, ISmartLockGrain, IRemindable
{
    private const string RefreshStatusReminder = "refresh-status";

    // Codes a timer or reminder pass works through at most before it lets waiting callers in; the rest follows in the
    // next pass a moment later. Keeps a long backlog at a slow vendor from holding the grain (and its callers) for long.
    private const int MaxCodesPerPass = 5;

    private LockCodeAlarms _alarms = null!;

    private Guid SmartLockId => this.GetPrimaryKey();

    private bool Assigned => state.RecordExists && state.State.ExternalId.Length > 0;

    private TimeSpan RefreshPeriod => Max(options.StatusRefreshPeriod, reminderOptions.Value.MinimumReminderPeriod);

    private TimeSpan BackstopPeriod => Max(Max(options.RetryMaxDelay, TimeSpan.FromMinutes(1)), reminderOptions.Value.MinimumReminderPeriod);

    private ILockDriver Driver => drivers.First(driver => driver.Provider == state.State.Provider);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alarms = new LockCodeAlarms(this, () => WorkAsync(options.InlineVendorTimeout), BackstopPeriod, time);
        if (Assigned)
        {
            // A crash between a state write and a reminder registration is repaired here.
            await _alarms.LoadAsync();
            await ArmAsync();
        }
    }

    public async Task<SmartLockDto> AssignAsync(SmartLockAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (Assigned)
        {
            return state.State.ExternalId == assignment.ExternalId && state.State.PropertyId == assignment.PropertyId
                ? ToDto()
                : throw new ConflictException("smartlock.exists", "This smart lock is already assigned.");
        }

        state.State.PropertyId = assignment.PropertyId;
        state.State.IntegrationId = assignment.IntegrationId;
        state.State.Provider = assignment.Provider;
        state.State.ExternalId = assignment.ExternalId;
        state.State.Name = assignment.Name;
        state.State.AssignedAt = time.GetUtcNow();
        state.State.Codes = [];
        state.State.Status = null;
        await state.SaveAsync(this);
        await this.RegisterOrUpdateReminder(RefreshStatusReminder, RefreshPeriod, RefreshPeriod);
        await RefreshStatusAsync(options.InlineVendorTimeout, recordActivity: false);
        return ToDto();
    }

    public async Task<SmartLockDto?> GetAsync()
    {
        if (!Assigned)
        {
            return null;
        }

        var stale = state.State.Status is not { } status || time.GetUtcNow() - status.CheckedAt > RefreshPeriod * 2;
        if (stale)
        {
            stale = !await RefreshStatusAsync(options.StaleRefreshTimeout, recordActivity: true);
        }

        return ToDto(stale);
    }

    public async Task UnassignAsync()
    {
        if (!Assigned)
        {
            return;
        }

        var now = time.GetUtcNow();
        SmartLockRules.RevokeAll(state.State, now);
        await state.SaveAsync(this);

        // Revocations are confirmed by reading the lock back (a vendor may apply them later), so the host waits a little for that.
        var deadline = now + Max(options.InlineVendorTimeout, options.ReadBackDelay * 3);
        await WorkAsync(options.InlineVendorTimeout);
        while (state.State.Codes.Any(code => code.Status == AccessCodeStatus.Revoking) && time.GetUtcNow() < deadline)
        {
            var next = state.State.Codes.Where(code => code.Status == AccessCodeStatus.Revoking).Min(code => code.NextAttemptAt ?? now);
            var wait = next - time.GetUtcNow();
            if (next > deadline)
            {
                break;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time);
            }

            await WorkAsync(options.InlineVendorTimeout);
        }

        if (state.State.Codes.Any(code => code.Status == AccessCodeStatus.Revoking))
        {
            throw new IntegrationUnavailableException(
                "integration.unreachable", "The lock's codes could not all be revoked at the vendor yet; Kasify keeps trying. Remove the lock again later.");
        }

        await _alarms.UnregisterAsync(RefreshStatusReminder);
        await _alarms.DisarmAsync();
        await state.ClearAsync(this);
        DeactivateOnIdle();
    }

    public async Task<AccessCodeResult> EnsureCodeAsync(AccessCodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireAssigned();
        var now = time.GetUtcNow();
        var known = SmartLockRules.Learn(state.State, request, active: true);
        if (!known.Active)
        {
            return new AccessCodeResult(null, Failure("booking.cancelled"));
        }

        request = request with { ValidFrom = known.ValidFrom, ValidTo = known.ValidTo, Revision = known.Revision };
        var code = state.State.Codes.LastOrDefault(code => code.BookingId == request.BookingId && code.Wanted);
        if (code is not null)
        {
            SmartLockRules.Move(code, request, now);
        }
        else
        {
            code = state.State.Codes.LastOrDefault(code => code.BookingId == request.BookingId && code.Status == AccessCodeStatus.Failed);
            if (code is not null)
            {
                SmartLockRules.Reopen(code, request, now);
            }
            else
            {
                code = NewCode(request, now);
                if (code is null)
                {
                    return new AccessCodeResult(null, Failure(SmartLockRules.FullError));
                }

                state.State.Codes.Add(code);
            }
        }

        await state.SaveAsync(this);
        await WorkAsync(options.InlineVendorTimeout, [code.Id]);
        return code.Status == AccessCodeStatus.Failed
            ? new AccessCodeResult(null, Failure(code.LastError ?? "smartlock.rejected"))
            : new AccessCodeResult(ToDto(code), null);
    }

    public Task<ImmutableArray<AccessCodeDto>> GetCodesAsync(Guid bookingId) =>
        Task.FromResult<ImmutableArray<AccessCodeDto>>(Assigned
            ? [.. state.State.Codes.Where(code => code.BookingId == bookingId).Select(ToDto)]
            : []);

    public async Task MoveCodesAsync(AccessCodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Assigned)
        {
            return;
        }

        var now = time.GetUtcNow();
        var before = state.State.Bookings.GetValueOrDefault(request.BookingId);
        var known = SmartLockRules.Learn(state.State, request, active: true);
        var codes = state.State.Codes.Where(code => code.BookingId == request.BookingId && code.Wanted).ToList();
        if (known == before && codes.All(code => code.ValidFrom == known.ValidFrom && code.ValidTo == known.ValidTo))
        {
            return;
        }

        codes.ForEach(code => SmartLockRules.Move(code, request with { ValidFrom = known.ValidFrom, ValidTo = known.ValidTo }, now));
        await state.SaveAsync(this);

        // The booking's change is stored and its caller needs no vendor answer: the timer sends the move right away.
        await ArmAsync();
    }

    public async Task RevokeCodesAsync(Guid bookingId, long revision)
    {
        if (!Assigned)
        {
            return;
        }

        var now = time.GetUtcNow();
        var before = state.State.Bookings.GetValueOrDefault(bookingId);
        var known = SmartLockRules.Learn(state.State, new AccessCodeRequest(bookingId, before?.ValidFrom ?? now, before?.ValidTo ?? now, revision), active: false);
        var codes = known.Active ? [] : state.State.Codes.Where(code => code.BookingId == bookingId && code.Wanted).ToList();
        if (known == before && codes.Count == 0)
        {
            return;
        }

        codes.ForEach(code => SmartLockRules.Revoke(code, now));
        await state.SaveAsync(this);

        // As for a move: the cancellation is stored, the timer revokes at the vendor right away.
        await ArmAsync();
    }

    public async Task<bool> RevokeCodeAsync(Guid bookingId, Guid codeId)
    {
        var code = Assigned ? state.State.Codes.FirstOrDefault(code => code.Id == codeId && code.BookingId == bookingId) : null;
        if (code is null)
        {
            return false;
        }

        if (code.Wanted)
        {
            SmartLockRules.Revoke(code, time.GetUtcNow());
            await state.SaveAsync(this);
            await WorkAsync(options.InlineVendorTimeout, [code.Id]);
        }

        return true;
    }

    public async Task<AccessCodeDto?> RotateCodeAsync(Guid bookingId, Guid codeId)
    {
        var old = Assigned ? state.State.Codes.FirstOrDefault(code => code.Id == codeId && code.BookingId == bookingId) : null;
        if (old is null)
        {
            return null;
        }

        // A retried request finds the rotation under way (or done) and answers its code instead of making another.
        if (old.RotatedTo is { } replacementId && state.State.Codes.FirstOrDefault(code => code.Id == replacementId) is { Wanted: true } replacement)
        {
            return ToDto(replacement);
        }

        if (!old.Wanted || old.Status is not (AccessCodeStatus.Pending or AccessCodeStatus.Active))
        {
            throw new ConflictException("accesscode.not_rotatable", "Only a pending or active access code can be rotated.");
        }

        var now = time.GetUtcNow();
        var revision = state.State.Bookings.GetValueOrDefault(bookingId)?.Revision ?? 0;
        var fresh = NewCode(new AccessCodeRequest(bookingId, old.ValidFrom, old.ValidTo, revision), now)
            ?? throw new ConflictException(SmartLockRules.FullError, "The lock holds the most codes it can; revoke one before rotating.");
        old.RotatedTo = fresh.Id;
        old.UpdatedAt = now;
        state.State.Codes.Add(fresh);
        await state.SaveAsync(this);
        await WorkAsync(options.InlineVendorTimeout, [fresh.Id]);
        return ToDto(fresh);
    }

    public async Task<LockCodeCheck> VerifyCodesAsync(Guid bookingId)
    {
        RequireAssigned();
        var credentials = await grains.GetGrain<IIntegrationGrain>(state.State.IntegrationId).GetCredentialsAsync();
        var comparison = credentials is null || state.State.Status is { Online: false }
            ? null
            : await ReconcileAsync(credentials, options.InlineVendorTimeout);
        var checkedAt = time.GetUtcNow();
        if (comparison is not null && state.State.Codes.Any(code => code.NeedsWork && SmartLockRules.IsDue(code, checkedAt)))
        {
            await WorkAsync(options.InlineVendorTimeout, sweep: false);
        }

        return new LockCodeCheck(
            SmartLockId,
            state.State.Name,
            comparison is not null,
            checkedAt,
            state.State.ForeignCodes,
            [.. state.State.Codes
                .Where(code => code.BookingId == bookingId && code.Wanted)
                .Select(code => new CodePresence(code.Id, code.Status, comparison?.OnDevice.Contains(code.Id) == true))]);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Assigned)
        {
            // Left over from a lock that was removed while a reminder was due.
            await _alarms.UnregisterAsync(reminderName);
            return;
        }

        await DeliverFeedAsync();
        switch (reminderName)
        {
            case RefreshStatusReminder:
                await RefreshStatusAsync(options.InlineVendorTimeout, recordActivity: true, reconcile: true);
                break;
            case LockCodeAlarms.ExpireCodesReminder:
                _alarms.ExpiryFired();
                await WorkAsync(options.InlineVendorTimeout);
                break;
            case LockCodeAlarms.RetryCodesReminder:
                await WorkAsync(options.InlineVendorTimeout);
                break;
        }
    }

    // Reads the device's status into state; true when the vendor answered. Offline, back online and a critical
    // battery go to the property's activity feed. When the lock answers again, waiting codes are sent at once. With
    // <paramref name="reconcile"/> (the reminder's tick) an online lock's code list is then read once and compared.
    private async Task<bool> RefreshStatusAsync(TimeSpan timeout, bool recordActivity, bool reconcile = false)
    {
        var credentials = await grains.GetGrain<IIntegrationGrain>(state.State.IntegrationId).GetCredentialsAsync();
        if (credentials is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        LockReading reading;
        using (var cancellation = new CancellationTokenSource(timeout))
        {
            try
            {
                reading = await Driver.ReadAsync(credentials, state.State.ExternalId, now, cancellation.Token);
            }
            catch (VendorCallException exception)
            {
                LogStatusUnavailable(exception, SmartLockId);
                return false;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return false;
            }
        }

        var previous = state.State.Status;
        state.State.Status = reading;
        var cameBack = previous is { Online: false } && reading.Online;
        if (cameBack)
        {
            SmartLockRules.ResendAfterReconnect(state.State);
        }

        if (recordActivity)
        {
            foreach (var (kind, summary) in SmartLockRules.StatusChanges(state.State.Name, previous, reading))
            {
                QueueActivity(kind, null, summary);
            }
        }

        await state.SaveAsync(this);
        await DeliverFeedAsync();

        // The comparison already removed strays with this tick's one list read, so the pass below does not sweep again.
        var compared = reconcile && reading.Online && await ReconcileAsync(credentials, timeout) is not null;
        if (cameBack || state.State.Codes.Any(code => code.NeedsWork && SmartLockRules.IsDue(code, time.GetUtcNow())))
        {
            await WorkAsync(options.InlineVendorTimeout, sweep: !compared);
        }

        return true;
    }

    // The digital twin: reads the device's code list once and compares it with the codes the lock wants. A live code the
    // device lost or holds otherwise goes back to the placing machinery (WorkAsync, with its retries); a Kasify-named
    // code nothing claims is removed; someone else's codes are only counted. Null when the vendor could not be read
    // (rate limited, unreachable): nothing is judged then, and the next tick tries again.
    private async Task<CodeComparison?> ReconcileAsync(IntegrationCredentials credentials, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        IReadOnlyList<DeviceCode> listed;
        try
        {
            listed = await Driver.ListCodesAsync(credentials, state.State, cancellation.Token);
        }
        catch (VendorCallException exception)
        {
            LogCodesUnavailable(exception, SmartLockId);
            return null;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var comparison = CodeReconciliation.Compare(state.State, listed, Driver.CodeNamePrefix, Pin, now);
        foreach (var code in comparison.Missing)
        {
            CodeReconciliation.MarkMissing(code, now);
            QueueActivity(ActivityKind.AccessCodeCorrected, code.BookingId,
                $"Code for booking {code.BookingId} was missing on {state.State.Name}; placed again.");
            LockMetrics.Corrected("missing");
        }

        foreach (var (code, drift) in comparison.Altered)
        {
            CodeReconciliation.MarkAltered(code, drift, now);
            var what = drift == LockCodeDrift.Window ? "had another window" : "had another PIN or was disabled";
            QueueActivity(ActivityKind.AccessCodeCorrected, code.BookingId,
                $"Code for booking {code.BookingId} {what} on {state.State.Name}; set back.");
            LockMetrics.Corrected("altered");
        }

        state.State.ForeignCodes = comparison.ForeignCodes;
        state.State.CodesCheckedAt = now;

        // Stored before any stray is deleted: only the current activation may call a code unclaimed. A stale one (a
        // second activation placed codes meanwhile) fails this write on the changed record and deletes nothing.
        await state.SaveAsync(this);

        foreach (var stray in comparison.Strays)
        {
            try
            {
                await Driver.DeleteCodeAsync(credentials, state.State.ExternalId, stray.VendorId, cancellation.Token);
            }
            catch (VendorCallException exception)
            {
                // The rest waits for the next tick.
                LogCodesUnavailable(exception, SmartLockId);
                break;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                break;
            }

            QueueActivity(ActivityKind.AccessCodeCorrected, null,
                $"Code {stray.Name} on {state.State.Name} belonged to no booking; removed.");
            LockMetrics.Corrected("stray");
        }

        await state.SaveAsync(this);
        await DeliverFeedAsync();
        return comparison;
    }

    // One pass: expire codes whose window ended, bring due codes in line with the vendor, store, and arm what comes next.
    // A pass for a caller handles only the codes of its request (<paramref name="only"/>), so the caller never waits for
    // other bookings' retries; timer and reminder passes handle everything due and sweep orphans.
    private async Task WorkAsync(TimeSpan budget, IReadOnlyCollection<Guid>? only = null, bool sweep = true)
    {
        var now = time.GetUtcNow();
        var due = SmartLockRules.TakeWork(state.State, now, only, MaxCodesPerPass);
        if (due.Count > 0)
        {
            var activeBefore = due.Where(code => code.Status == AccessCodeStatus.Active).Select(code => code.Id).ToHashSet();
            var failedBefore = state.State.Codes.Where(code => code.Status == AccessCodeStatus.Failed).Select(code => code.Id).ToHashSet();
            var credentials = await grains.GetGrain<IIntegrationGrain>(state.State.IntegrationId).GetCredentialsAsync();
            if (credentials is null)
            {
                var orphaned = new LockCodeSession(SmartLockId, state.State, new IntegrationCredentials(state.State.Provider, "", null, null, 0), now, options, protector, () => Task.CompletedTask);
                due.ForEach(code => orphaned.Reject(code, "integration.not_found"));
            }
            else
            {
                var session = new LockCodeSession(SmartLockId, state.State, credentials, now, options, protector, () => state.SaveAsync(this));
                using var cancellation = new CancellationTokenSource(budget);
                await Driver.ApplyAsync(session, due, sweep: sweep && only is null, cancellation.Token);
            }

            var placed = due.Count(code => code.Wanted && code.Status == AccessCodeStatus.Active && !activeBefore.Contains(code.Id));
            if (placed > 0)
            {
                LockMetrics.CodesPlaced.Add(placed);
            }

            // A rotation's old code goes once its replacement is confirmed; the timer revokes it right after this pass.
            SmartLockRules.FinishRotations(state.State, now);

            if (due.Any(code => code.Status == AccessCodeStatus.Revoked))
            {
                SmartLockRules.WakeCodesWaitingForRoom(state.State);
            }

            foreach (var failed in state.State.Codes.Where(code => code.Status == AccessCodeStatus.Failed && !failedBefore.Contains(code.Id)))
            {
                QueueActivity(ActivityKind.AccessCodeFailed, failed.BookingId,
                    $"An access code on {state.State.Name} could not be placed or removed ({failed.LastError}).");
            }

            await state.SaveAsync(this);
            await DeliverFeedAsync();
        }

        await ArmAsync();
    }

    private Task ArmAsync() => _alarms.ArmAsync(state.State.Codes);

    private LockCode? NewCode(AccessCodeRequest request, DateTimeOffset now)
    {
        if (!SmartLockRules.HasRoom(state.State, Driver.MaxCodes))
        {
            return null;
        }

        var live = state.State.Codes.Where(code => code.Wanted).ToList();

        var id = Guid.NewGuid();
        var code = SmartLockRules.NewCode(id, Driver.NameFor(id), request, now);
        var taken = live.Select(Pin).ToHashSet();
        LockCodeSession.WritePin(protector, SmartLockId, code, Driver.GeneratePin(state.State, taken));
        SmartLockRules.Forget(state.State, now);
        return code;
    }

    // Stored with the change that causes it, so a lost entry is impossible; the feed takes an entry once by its id.
    private void QueueActivity(ActivityKind kind, Guid? bookingId, string summary) =>
        state.State.PendingFeed.Add(new ActivityEntry(Guid.NewGuid(), state.State.PropertyId, kind, time.GetUtcNow(), bookingId, null, summary));

    // The lock's own work never fails for the feed: what it cannot take now goes at the next status reminder tick.
    private async Task DeliverFeedAsync()
    {
        if (state.State.PendingFeed.Count == 0)
        {
            return;
        }

        try
        {
            await PendingActivity.DeliverAsync(grains, state.State.PropertyId, state.State.PendingFeed);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogFeedDeferred(exception, state.State.PendingFeed.Count);
        }

        await state.SaveAsync(this);
    }

    private void RequireAssigned()
    {
        if (!Assigned)
        {
            throw new NotFoundException("smartlock.not_found", "No such smart lock.");
        }
    }

    private SmartLockFailure Failure(string error) =>
        new(SmartLockId, state.State.Name, error, SmartLockRules.FailureMessage(error, Driver.RejectedMessage));

    private AccessCodeDto ToDto(LockCode code) => SmartLockViews.Code(SmartLockId, state.State, code, Pin(code));

    private SmartLockDto ToDto(bool stale = false) => SmartLockViews.Lock(SmartLockId, state.State, stale);

    private string Pin(LockCode code) => LockCodeSession.ReadPin(protector, SmartLockId, code);

    private static TimeSpan Max(TimeSpan first, TimeSpan second) => first > second ? first : second;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Smart lock {SmartLockId} could not read its status from the vendor")]
    private partial void LogStatusUnavailable(Exception exception, Guid smartLockId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Smart lock {SmartLockId} could not read or correct its codes at the vendor; it tries again next tick")]
    private partial void LogCodesUnavailable(Exception exception, Guid smartLockId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The activity feed did not take {Count} lock entries; they go at the next status tick")]
    private partial void LogFeedDeferred(Exception exception, int count);
}
