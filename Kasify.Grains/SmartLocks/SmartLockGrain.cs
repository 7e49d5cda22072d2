using System.Collections.Immutable;
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
    private const string ExpireCodesReminder = "expire-codes";
    private const string RetryCodesReminder = "retry-codes";

    // Codes a timer or reminder pass works through at most before it lets waiting callers in; the rest follows in the
    // next pass a moment later. Keeps a long backlog at a slow vendor from holding the grain (and its callers) for long.
    private const int MaxCodesPerPass = 5;

    private IGrainTimer? _workTimer;
    private DateTimeOffset? _expiryArmedFor;
    private bool _retryArmed;

    private Guid SmartLockId => this.GetPrimaryKey();

    private bool Assigned => state.RecordExists && state.State.ExternalId.Length > 0;

    private TimeSpan RefreshPeriod => Max(options.StatusRefreshPeriod, reminderOptions.Value.MinimumReminderPeriod);

    private TimeSpan BackstopPeriod => Max(Max(options.RetryMaxDelay, TimeSpan.FromMinutes(1)), reminderOptions.Value.MinimumReminderPeriod);

    private ILockDriver Driver => drivers.First(driver => driver.Provider == state.State.Provider);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Assigned)
        {
            // A crash between a state write and a reminder registration is repaired here.
            _retryArmed = await this.GetReminder(RetryCodesReminder) is not null;
            _expiryArmedFor = await this.GetReminder(ExpireCodesReminder) is null ? null : DateTimeOffset.MinValue;
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
        foreach (var code in state.State.Codes.Where(code => code.Wanted))
        {
            Revoke(code, now);
        }

        await state.SaveAsync(this);

        // Revocations are confirmed by reading the lock back (Nuki applies them later), so the host waits a little for that.
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

        foreach (var name in new[] { RefreshStatusReminder, ExpireCodesReminder, RetryCodesReminder })
        {
            if (await this.GetReminder(name) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }

        _workTimer?.Dispose();
        await state.ClearAsync(this);
        DeactivateOnIdle();
    }

    public async Task<AccessCodeResult> EnsureCodeAsync(AccessCodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireAssigned();
        var now = time.GetUtcNow();
        var known = Learn(request, active: true);
        if (!known.Active)
        {
            return new AccessCodeResult(null, Failure("booking.cancelled", "The booking was cancelled meanwhile."));
        }

        request = request with { ValidFrom = known.ValidFrom, ValidTo = known.ValidTo, Revision = known.Revision };
        var code = state.State.Codes.LastOrDefault(code => code.BookingId == request.BookingId && code.Wanted);
        if (code is not null)
        {
            Move(code, request, now);
        }
        else
        {
            code = state.State.Codes.LastOrDefault(code => code.BookingId == request.BookingId && code.Status == AccessCodeStatus.Failed);
            if (code is not null)
            {
                // A code the lock refused is tried again: the host may have fixed the cause (credentials, free slots).
                code.Wanted = true;
                code.Status = AccessCodeStatus.Pending;
                code.VendorId = null;
                code.CreateSentAt = null;
                code.Attempts = 0;
                code.NextAttemptAt = null;
                code.LastError = null;
                code.ValidFrom = request.ValidFrom;
                code.ValidTo = request.ValidTo;
                code.UpdatedAt = now;
            }
            else
            {
                code = NewCode(request, now);
                if (code is null)
                {
                    return new AccessCodeResult(null, Failure("smartlock.full", "The lock holds the most codes it can; revoke some first."));
                }

                state.State.Codes.Add(code);
            }
        }

        await state.SaveAsync(this);
        await WorkAsync(options.InlineVendorTimeout, [code.Id]);
        return code.Status == AccessCodeStatus.Failed
            ? new AccessCodeResult(null, Failure(code.LastError ?? "smartlock.rejected", FailureMessage(code.LastError)))
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
        var known = Learn(request, active: true);
        var codes = state.State.Codes.Where(code => code.BookingId == request.BookingId && code.Wanted).ToList();
        if (known == before && codes.All(code => code.ValidFrom == known.ValidFrom && code.ValidTo == known.ValidTo))
        {
            return;
        }

        codes.ForEach(code => Move(code, request with { ValidFrom = known.ValidFrom, ValidTo = known.ValidTo }, now));
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
        var known = Learn(new AccessCodeRequest(bookingId, before?.ValidFrom ?? now, before?.ValidTo ?? now, revision), active: false);
        var codes = known.Active ? [] : state.State.Codes.Where(code => code.BookingId == bookingId && code.Wanted).ToList();
        if (known == before && codes.Count == 0)
        {
            return;
        }

        codes.ForEach(code => Revoke(code, now));
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
            Revoke(code, time.GetUtcNow());
            await state.SaveAsync(this);
            await WorkAsync(options.InlineVendorTimeout, [code.Id]);
        }

        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Assigned)
        {
            // Left over from a lock that was removed while a reminder was due.
            if (await this.GetReminder(reminderName) is { } stray)
            {
                await this.UnregisterReminder(stray);
            }

            return;
        }

        switch (reminderName)
        {
            case RefreshStatusReminder:
                await RefreshStatusAsync(options.InlineVendorTimeout, recordActivity: true);
                break;
            case ExpireCodesReminder:
                _expiryArmedFor = DateTimeOffset.MinValue;
                await WorkAsync(options.InlineVendorTimeout);
                break;
            case RetryCodesReminder:
                await WorkAsync(options.InlineVendorTimeout);
                break;
        }
    }

    // Reads the device's status into state; true when the vendor answered. Offline, back online and a critical
    // battery go to the property's activity feed. When the lock answers again, waiting codes are sent at once.
    private async Task<bool> RefreshStatusAsync(TimeSpan timeout, bool recordActivity)
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
            // Nuki drops writes for an offline lock: writes sent meanwhile are sent again.
            foreach (var code in state.State.Codes.Where(code => code.NeedsWork))
            {
                if (code.VendorId is null)
                {
                    code.CreateSentAt = null;
                }

                code.WriteSentAt = null;
                code.NextAttemptAt = null;
            }
        }

        await state.SaveAsync(this);
        if (recordActivity)
        {
            await RecordStatusChangeAsync(previous, reading);
        }

        if (cameBack || state.State.Codes.Any(code => code.NeedsWork && IsDue(code, now)))
        {
            await WorkAsync(options.InlineVendorTimeout);
        }

        return true;
    }

    // One pass: expire codes whose window ended, bring due codes in line with the vendor, store, and arm what comes next.
    // A pass for a caller handles only the codes of its request (<paramref name="only"/>), so the caller never waits for
    // other bookings' retries; timer and reminder passes handle everything due and sweep orphans.
    private async Task WorkAsync(TimeSpan budget, IReadOnlyCollection<Guid>? only = null)
    {
        var now = time.GetUtcNow();
        foreach (var code in state.State.Codes.Where(code => code.Wanted && code.ValidTo <= now))
        {
            Expire(code, now);
        }

        var due = state.State.Codes
            .Where(code => code.NeedsWork && (only is null ? IsDue(code, now) : only.Contains(code.Id)))
            .OrderBy(code => code.NextAttemptAt ?? DateTimeOffset.MinValue)
            .Take(only is null ? MaxCodesPerPass : int.MaxValue)
            .ToList();
        if (due.Count > 0)
        {
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
                await Driver.ApplyAsync(session, due, sweep: only is null, cancellation.Token);
            }

            if (due.Any(code => code.Status == AccessCodeStatus.Revoked))
            {
                // Slots came free: codes that waited for room try again now rather than after their backoff.
                foreach (var waiting in state.State.Codes.Where(code => code.Wanted && code.LastError == "smartlock.full"))
                {
                    waiting.NextAttemptAt = null;
                }
            }

            await state.SaveAsync(this);
            foreach (var failed in state.State.Codes.Where(code => code.Status == AccessCodeStatus.Failed && !failedBefore.Contains(code.Id)))
            {
                await AppendActivityAsync(ActivityKind.AccessCodeFailed, failed.BookingId,
                    $"An access code on {state.State.Name} could not be placed or removed ({failed.LastError}).");
            }
        }

        await ArmAsync();
    }

    // The expiry reminder follows the earliest live code's end; the retry reminder exists while work waits; a grain timer
    // does the near work without waiting for the reminder's period.
    private async Task ArmAsync()
    {
        var now = time.GetUtcNow();
        var nextEnd = state.State.Codes.Where(code => code.Wanted).Select(code => (DateTimeOffset?)code.ValidTo).Min();
        if (nextEnd is { } end && _expiryArmedFor != end)
        {
            await this.RegisterOrUpdateReminder(ExpireCodesReminder, Max(end - now, TimeSpan.FromSeconds(1)), BackstopPeriod);
            _expiryArmedFor = end;
        }
        else if (nextEnd is null && _expiryArmedFor is not null)
        {
            await UnregisterAsync(ExpireCodesReminder);
            _expiryArmedFor = null;
        }

        var waiting = state.State.Codes.Any(code => code.NeedsWork);
        if (waiting && !_retryArmed)
        {
            await this.RegisterOrUpdateReminder(RetryCodesReminder, BackstopPeriod, BackstopPeriod);
            _retryArmed = true;
        }
        else if (!waiting && _retryArmed)
        {
            await UnregisterAsync(RetryCodesReminder);
            _retryArmed = false;
        }

        ScheduleTimer();
    }

    private void ScheduleTimer()
    {
        _workTimer?.Dispose();
        _workTimer = null;
        var now = time.GetUtcNow();
        var next = state.State.Codes.Where(code => code.NeedsWork).Select(code => code.NextAttemptAt ?? now).DefaultIfEmpty().Min();
        var nextEnd = state.State.Codes.Where(code => code.Wanted).Select(code => code.ValidTo).DefaultIfEmpty().Min();
        var candidates = new[] { next, nextEnd }.Where(at => at != default).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var dueIn = Max(candidates.Min() - now, TimeSpan.FromMilliseconds(50));
        if (dueIn > BackstopPeriod)
        {
            return;
        }

        _workTimer = this.RegisterGrainTimer(_ => WorkAsync(options.InlineVendorTimeout), dueIn, Timeout.InfiniteTimeSpan);
    }

    private async Task UnregisterAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private LockCode? NewCode(AccessCodeRequest request, DateTimeOffset now)
    {
        var live = state.State.Codes.Where(code => code.Wanted).ToList();
        if (state.State.Provider == IntegrationType.Nuki && live.Count >= Integrations.Nuki.NukiCodeRules.MaxCodesPerLock)
        {
            return null;
        }

        var id = Guid.NewGuid();
        var code = new LockCode
        {
            Id = id,
            BookingId = request.BookingId,
            ValidFrom = request.ValidFrom,
            ValidTo = request.ValidTo,
            Wanted = true,
            Status = AccessCodeStatus.Pending,
            VendorName = NukiLockDriver.NamePrefix + id.ToString("N")[..12],
            CreatedAt = now,
            UpdatedAt = now,
        };
        var taken = live.Select(Pin).ToHashSet();
        LockCodeSession.WritePin(protector, SmartLockId, code, Driver.GeneratePin(state.State, taken));

        // Forget revoked and failed codes that ended long ago, so the state does not grow without bound.
        state.State.Codes.RemoveAll(old => !old.Wanted && !old.NeedsWork && old.ValidTo < now - TimeSpan.FromDays(30));
        foreach (var ended in state.State.Bookings.Where(booking => booking.Value.ValidTo < now - TimeSpan.FromDays(30)).Select(booking => booking.Key).ToList())
        {
            state.State.Bookings.Remove(ended);
        }

        return code;
    }

    // Records what the request says about its booking unless the lock already knows a newer revision, and returns the
    // newest known state. Requests reach the lock in any order; revisions put them back in the property's order.
    private LockBooking Learn(AccessCodeRequest request, bool active)
    {
        if (state.State.Bookings.TryGetValue(request.BookingId, out var known) && known.Revision > request.Revision)
        {
            return known;
        }

        if (known is not null && known.Revision == request.Revision && !known.Active)
        {
            // A cancellation and a code request of the same revision: the cancellation stands.
            return known;
        }

        var learned = new LockBooking(request.Revision, request.ValidFrom, request.ValidTo, active);
        state.State.Bookings[request.BookingId] = learned;
        return learned;
    }

    private static void Move(LockCode code, AccessCodeRequest request, DateTimeOffset now)
    {
        if (code.ValidFrom == request.ValidFrom && code.ValidTo == request.ValidTo)
        {
            return;
        }

        code.ValidFrom = request.ValidFrom;
        code.ValidTo = request.ValidTo;

        // Active means the lock holds the booking's window: until read-back shows the new one, the code is pending.
        code.Status = AccessCodeStatus.Pending;

        // A new target: an earlier write still on its way does not hold this one back.
        code.WriteSentAt = null;
        code.NextAttemptAt = null;
        code.Attempts = 0;
        code.UpdatedAt = now;
    }

    private static void Revoke(LockCode code, DateTimeOffset now)
    {
        code.Wanted = false;
        code.Status = code.VendorId is null && code.CreateSentAt is null ? AccessCodeStatus.Revoked : AccessCodeStatus.Revoking;
        if (code.Status == AccessCodeStatus.Revoked)
        {
            // It never reached the lock: whatever kept it from getting there no longer matters.
            code.LastError = null;
        }

        code.WriteSentAt = null;
        code.NextAttemptAt = null;
        code.Attempts = 0;
        code.UpdatedAt = now;
    }

    // A code whose window ended: one that never reached the lock failed; one that did is revoked at the vendor.
    private static void Expire(LockCode code, DateTimeOffset now)
    {
        var reached = code.VendorId is not null || code.CreateSentAt is not null;
        var neverActive = code.Status == AccessCodeStatus.Pending && code.VendorId is null;
        code.Wanted = false;
        code.Status = reached ? AccessCodeStatus.Revoking : AccessCodeStatus.Failed;
        if (neverActive)
        {
            code.LastError ??= "accesscode.window_ended";
        }

        code.WriteSentAt = null;
        code.NextAttemptAt = null;
        code.Attempts = 0;
        code.UpdatedAt = now;
    }

    private static bool IsDue(LockCode code, DateTimeOffset now) => code.NextAttemptAt is not { } at || at <= now;

    private async Task RecordStatusChangeAsync(LockReading? previous, LockReading current)
    {
        if (previous is { Online: true } && !current.Online)
        {
            await AppendActivityAsync(ActivityKind.SmartLockOffline, null, $"{state.State.Name} went offline");
        }
        else if (previous is { Online: false } && current.Online)
        {
            await AppendActivityAsync(ActivityKind.SmartLockOnline, null, $"{state.State.Name} is back online");
        }

        if (current.BatteryCritical == true && previous?.BatteryCritical != true)
        {
            await AppendActivityAsync(ActivityKind.SmartLockBatteryCritical, null, $"{state.State.Name} battery is critical ({current.BatteryCharge?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} %)");
        }
    }

    // The lock's state is stored by now: a feed that cannot be written loses the entry, it does not fail the lock.
    private async Task AppendActivityAsync(ActivityKind kind, Guid? bookingId, string summary)
    {
        try
        {
            await grains.GetGrain<IActivityFeedGrain>(state.State.PropertyId).AppendAsync(
                new ActivityEntry(Guid.NewGuid(), state.State.PropertyId, kind, time.GetUtcNow(), bookingId, null, summary));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogActivityNotRecorded(exception, kind);
        }
    }

    private void RequireAssigned()
    {
        if (!Assigned)
        {
            throw new NotFoundException("smartlock.not_found", "No such smart lock.");
        }
    }

    private SmartLockFailure Failure(string error, string message) => new(SmartLockId, state.State.Name, error, message);

    private static string FailureMessage(string? error) => error switch
    {
        "smartlock.full" => "The lock holds the most codes it can; revoke some first.",
        "integration.unauthorized" => "The vendor refuses the integration's credentials; update the integration.",
        "integration.not_found" => "The lock's integration no longer exists.",
        "smartlock.not_found" => "The vendor no longer knows this lock.",
        "integration.restricted" => "The vendor account must be upgraded to manage codes.",
        _ => "The vendor rejected the code (for Nuki, check that the lock has a keypad paired).",
    };

    private AccessCodeDto ToDto(LockCode code) => new(
        code.Id,
        SmartLockId,
        state.State.Name,
        code.BookingId,
        Pin(code),
        code.ValidFrom,
        code.ValidTo,
        code.Status,
        code.LastError,
        code.CreatedAt,
        code.UpdatedAt);

    private SmartLockDto ToDto(bool stale = false)
    {
        var reading = state.State.Status;
        return new SmartLockDto(
            SmartLockId,
            state.State.PropertyId,
            state.State.IntegrationId,
            state.State.Provider,
            state.State.ExternalId,
            state.State.Name,
            new SmartLockStatus(reading?.LockState, reading?.DoorState, reading?.BatteryCharge, reading?.BatteryCritical, reading?.Online, reading?.CheckedAt, stale && reading is not null),
            state.State.Codes.Count(code => code.Wanted),
            state.State.AssignedAt);
    }

    private string Pin(LockCode code) => LockCodeSession.ReadPin(protector, SmartLockId, code);

    private static TimeSpan Max(TimeSpan first, TimeSpan second) => first > second ? first : second;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Smart lock {SmartLockId} could not read its status from the vendor")]
    private partial void LogStatusUnavailable(Exception exception, Guid smartLockId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a {Kind} activity entry")]
    private partial void LogActivityNotRecorded(Exception exception, ActivityKind kind);
}
