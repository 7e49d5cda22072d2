using System.Collections.Immutable;
using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Outbox;
using Kasify.Grains.Rentals;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Kasify.Grains.SmartLocks;

// Reentrant: adding or removing a lock and placing codes wait on vendors through the lock grains, and the property's
// pushes and the calendar's booking changes must not queue behind that. Every state change is made between awaits and
// the writes go one at a time (SerializedSaves); loops over the locks work on a copy taken before the first await.
// Calls go to integration and smart lock grains only.
[Reentrant]
internal sealed partial class PropertyLocksGrain(
    [PersistentState("propertyLocks", StorageNames.Kasify)] IPersistentState<PropertyLocksState> state,
    IGrainFactory grains,
    PropertyRow propertyRow,
    DurableDeliveryOptions deliveryOptions,
    SmartLockOptions lockOptions,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<PropertyLocksGrain> logger) : Grain, IPropertyLocksGrain, IRemindable
{
    private const string SyncReminder = "sync-locks"; // persisted by the reminder provider: never rename
    private const string AutoCodesReminder = "auto-access-codes"; // persisted by the reminder provider: never rename

    private PropertyAccess? _access;
    private SerializedSaves<PropertyLocksState> _saves = null!;
    private DurableDelivery _sync = null!;
    private IGrainTimer? _autoCodesTimer;
    private bool _issuing; // an automatic codes pass is running
    private bool _issueAgain; // and another was asked for meanwhile

    private Guid PropertyId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _saves = new SerializedSaves<PropertyLocksState>(state, this);
        _sync = new DurableDelivery(this, SyncReminder, SyncLocksAsync, deliveryOptions, logger);
        var row = await propertyRow.ReadAsync(PropertyId);
        _access = row is null ? null : PropertyRow.AccessOf(row);
        if (!state.RecordExists && row is not null && row.SmartLocks.Count > 0)
        {
            TakeOver(row);
            await _saves.SaveAsync();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        _ when _sync.Owns(reminderName) => _sync.OnReminderAsync(),
        AutoCodesReminder => IssueAutoCodesAsync(),
        _ => Task.CompletedTask,
    };

    public Task EnsureMigratedAsync() => Task.CompletedTask;

    public async Task ApplyAccessAsync(PropertyAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (_access is null || access.Version > _access.Version)
        {
            var wasAuto = AutoCodesOn;
            _access = access;
            if (AutoCodesOn != wasAuto)
            {
                await PlanAutoCodesAsync();
            }
        }
    }

    public async Task ApplyBookingChangesAsync(ImmutableArray<BookingChange> changes)
    {
        var newer = changes.Where(change => PropertyLocksRules.IsNewer(change, state.State.Bookings)).ToList();
        var expired = PropertyLocksRules.Expired(state.State.Bookings, time.GetUtcNow()).ToList();
        if (newer.Count == 0 && expired.Count == 0)
        {
            return;
        }

        foreach (var change in newer)
        {
            state.State.Bookings[change.BookingId] = change;
            if (state.State.SmartLocks.Count > 0)
            {
                state.State.Unsynced.Add(change.BookingId);
            }
        }

        foreach (var bookingId in expired)
        {
            state.State.Bookings.Remove(bookingId);
            state.State.Unsynced.Remove(bookingId);
            state.State.AutoServed.Remove(bookingId);
        }

        if (state.State.Unsynced.Count > 0)
        {
            await _sync.EnsureReminderAsync();
        }

        await _saves.SaveAsync();
        if (state.State.Unsynced.Count > 0)
        {
            _sync.Kick();
        }

        await PlanAutoCodesAsync();
    }

    public async Task<ImmutableArray<SmartLockDto>> ListSmartLocksAsync(Guid callerId)
    {
        RequireLockManager(callerId);
        var lockIds = state.State.SmartLocks.Keys.ToList();
        var locks = await Task.WhenAll(lockIds.Select(id => grains.GetGrain<ISmartLockGrain>(id).GetAsync()));
        return [.. locks.OfType<SmartLockDto>().OrderBy(smartLock => smartLock.AssignedAt)];
    }

    public async Task<SmartLockDto> AddSmartLockAsync(Guid callerId, AssignSmartLock request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireLockManager(callerId);
        var (externalId, name) = PropertyLocksRules.Validate(request);
        if (state.State.SmartLocks.Values.Any(existing => existing.IntegrationId == request.IntegrationId && existing.ExternalId == externalId))
        {
            throw new ConflictException("smartlock.assigned", "This device is already assigned to this property.");
        }

        // The integration reserves the device first (at most one property per device); if the lock grain or this grain's
        // write fails, the reservation is taken back, since the client's retry uses a new smart lock id.
        var smartLockId = Guid.NewGuid();
        var integration = grains.GetGrain<IIntegrationGrain>(request.IntegrationId);
        var device = await integration.AssignDeviceAsync(_access!.AccountId, externalId, PropertyId, smartLockId);
        SmartLockDto smartLock;
        try
        {
            smartLock = await grains.GetGrain<ISmartLockGrain>(smartLockId).AssignAsync(
                new SmartLockAssignment(PropertyId, request.IntegrationId, device.Provider, externalId, name ?? device.Name));
            state.State.SmartLocks[smartLockId] = new PropertySmartLock(request.IntegrationId, externalId);
            state.State.AutoServed.Clear(); // served stays owe the new lock its code too; the other locks keep theirs
            await _saves.SaveAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            state.State.SmartLocks.Remove(smartLockId);
            await integration.ReleaseDeviceAsync(externalId, smartLockId);
            throw;
        }

        await PlanAutoCodesAsync();
        return smartLock;
    }

    public async Task RemoveSmartLockAsync(Guid callerId, Guid smartLockId)
    {
        RequireLockManager(callerId);
        if (!state.State.SmartLocks.TryGetValue(smartLockId, out var smartLock))
        {
            throw new NotFoundException("smartlock.not_found", "No such smart lock on this property.");
        }

        await DetachAsync(smartLockId, smartLock);
        state.State.SmartLocks.Remove(smartLockId);
        await _saves.SaveAsync();
    }

    public async Task DetachAllAsync()
    {
        // Guests' codes go before anything else: a lock whose vendor is down stops the delete, which the owner repeats.
        foreach (var (smartLockId, smartLock) in state.State.SmartLocks.ToList())
        {
            await DetachAsync(smartLockId, smartLock);
            state.State.SmartLocks.Remove(smartLockId);
            await _saves.SaveAsync();
        }

        await StopAutoCodesAsync();
        if (state.RecordExists)
        {
            await state.ClearAsync(this);
        }
    }

    public async Task<BookingAccessCodes> CreateAccessCodesAsync(Guid callerId, Guid bookingId)
    {
        var booking = RequireCodeBooking(callerId, bookingId);
        if (!booking.Active)
        {
            throw new ConflictException("booking.cancelled", "A cancelled booking gets no access codes.");
        }

        if (booking.DepartureAt <= time.GetUtcNow())
        {
            throw new ConflictException("booking.ended", "The booking's stay has ended.");
        }

        var lockIds = state.State.SmartLocks.Keys.ToList();
        if (lockIds.Count == 0)
        {
            throw new DomainRuleException("smartlock.none", "The property has no smart locks; assign one first.");
        }

        var request = PropertyLocksRules.Window(booking);
        var results = await Task.WhenAll(lockIds.Select(id => EnsureCodeAsync(id, request)));
        return new BookingAccessCodes(
            bookingId,
            [.. results.Select(result => result.Code).OfType<AccessCodeDto>()],
            [.. results.Select(result => result.Failure).OfType<SmartLockFailure>()]);
    }

    public async Task<BookingAccessCodes> GetAccessCodesAsync(Guid callerId, Guid bookingId)
    {
        RequireCodeBooking(callerId, bookingId);
        var lockIds = state.State.SmartLocks.Keys.ToList();
        var codes = await Task.WhenAll(lockIds.Select(id => grains.GetGrain<ISmartLockGrain>(id).GetCodesAsync(bookingId)));
        return new BookingAccessCodes(bookingId, [.. codes.SelectMany(lockCodes => lockCodes).OrderBy(code => code.CreatedAt)], []);
    }

    public async Task RevokeAccessCodeAsync(Guid callerId, Guid bookingId, Guid codeId)
    {
        RequireCodeBooking(callerId, bookingId);
        foreach (var smartLockId in state.State.SmartLocks.Keys.ToList())
        {
            if (await grains.GetGrain<ISmartLockGrain>(smartLockId).RevokeCodeAsync(bookingId, codeId))
            {
                return;
            }
        }

        throw new NotFoundException("accesscode.not_found", "The booking has no such access code.");
    }

    public async Task<AccessCodeDto> RotateAccessCodeAsync(Guid callerId, Guid bookingId, Guid codeId)
    {
        RequireCodeBooking(callerId, bookingId);
        foreach (var smartLockId in state.State.SmartLocks.Keys.ToList())
        {
            if (await grains.GetGrain<ISmartLockGrain>(smartLockId).RotateCodeAsync(bookingId, codeId) is { } replacement)
            {
                return replacement;
            }
        }

        throw new NotFoundException("accesscode.not_found", "The booking has no such access code.");
    }

    // Codes follow the booking: a cancelled booking's codes are revoked, moved dates move every code's window. Each lock
    // grain orders these against code requests by revision, so telling a lock twice changes nothing.
    private async Task<bool> SyncLocksAsync()
    {
        var lockIds = state.State.SmartLocks.Keys.ToList();
        foreach (var bookingId in state.State.Unsynced.ToList())
        {
            if (!state.State.Bookings.TryGetValue(bookingId, out var change))
            {
                state.State.Unsynced.Remove(bookingId);
                continue;
            }

            var request = PropertyLocksRules.Window(change);
            await Task.WhenAll(lockIds.Select(id => change.Active
                ? grains.GetGrain<ISmartLockGrain>(id).MoveCodesAsync(request)
                : grains.GetGrain<ISmartLockGrain>(id).RevokeCodesAsync(bookingId, change.Revision)));

            // A newer change that arrived meanwhile stays unsynced for the next pass.
            if (state.State.Bookings.TryGetValue(bookingId, out var current) && current.Revision == change.Revision)
            {
                state.State.Unsynced.Remove(bookingId);
            }
        }

        await _saves.SaveAsync();
        return state.State.Unsynced.Count == 0;
    }

    // Revokes the lock's codes at the vendor (the lock grain refuses with 503 when it cannot yet) and frees the device.
    private async Task DetachAsync(Guid smartLockId, PropertySmartLock smartLock)
    {
        await grains.GetGrain<ISmartLockGrain>(smartLockId).UnassignAsync();
        await grains.GetGrain<IIntegrationGrain>(smartLock.IntegrationId).ReleaseDeviceAsync(smartLock.ExternalId, smartLockId);
    }

    // One lock's answer; a lock removed meanwhile is a failure of that lock, not of the request.
    private async Task<AccessCodeResult> EnsureCodeAsync(Guid smartLockId, AccessCodeRequest request)
    {
        try
        {
            return await grains.GetGrain<ISmartLockGrain>(smartLockId).EnsureCodeAsync(request);
        }
        catch (KasifyException exception)
        {
            return new AccessCodeResult(null, new SmartLockFailure(smartLockId, "", exception.Code, exception.Message));
        }
    }

    private void TakeOver(PropertyState row)
    {
        var schedule = PropertyRow.AccessOf(row).Schedule;
        foreach (var (smartLockId, smartLock) in row.SmartLocks)
        {
            state.State.SmartLocks[smartLockId] = smartLock;
        }

        foreach (var (bookingId, details) in row.Bookings)
        {
            state.State.Bookings[bookingId] = BookingChanges.Of(bookingId, row.BookingRevisions.GetValueOrDefault(bookingId), details, schedule);
        }
    }

    private void RequireLockManager(Guid callerId)
    {
        if (_access is null || !_access.TryGetRole(callerId, out var role))
        {
            throw new NotFoundException("property.not_found", "No such property.");
        }

        if (!BookingAccess.CanEdit(role))
        {
            throw new ForbiddenException("smartlock.forbidden", "Only the owner and managers manage smart locks and access codes.");
        }
    }

    private BookingChange RequireCodeBooking(Guid callerId, Guid bookingId)
    {
        if (_access is null || !_access.TryGetRole(callerId, out var role) || !state.State.Bookings.TryGetValue(bookingId, out var booking))
        {
            throw new NotFoundException("booking.not_found", "No such booking.");
        }

        return BookingAccess.CanEdit(role)
            ? booking
            : throw new ForbiddenException("accesscode.forbidden", "Only the owner and managers manage access codes.");
    }

    // Automatic access codes (the property's auto_access_codes): each stay gets its code on every lock a lead time before
    // arrival, without anyone asking. What is owed follows from the stored windows and AutoServed, so a pass lost with a
    // silo is made again by the reminder; placing a code twice is harmless (a lock answers with the code it has).
    private bool AutoCodesOn => _access is { Deleted: false, Details.AutoAccessCodes: true };

    private TimeSpan AutoCodesRetryPeriod =>
        lockOptions.AutoCodeRetryPeriod > reminderOptions.Value.MinimumReminderPeriod ? lockOptions.AutoCodeRetryPeriod : reminderOptions.Value.MinimumReminderPeriod;

    // After every change that can make a stay owed its codes: a pass now when one is owed already, and the reminder set
    // to wake the grain when the next one will be, registered only when that is sooner than it is set for, so a busy
    // calendar does not write a reminder row per booking.
    private Task PlanAutoCodesAsync() => ScheduleAutoCodesAsync(afterPass: false);

    // After a pass the reminder is always set again: to retry what a lock refused, or for the next stay.
    private async Task ScheduleAutoCodesAsync(bool afterPass)
    {
        var now = time.GetUtcNow();
        if (NextAutoCodesDueAt(now) is not { } next)
        {
            await StopAutoCodesAsync();
            return;
        }

        if (!afterPass && next <= now)
        {
            ScheduleAutoCodesPass();
        }

        var wakeAt = AutoAccessCodeRules.WakeAt(next, now, AutoCodesRetryPeriod);
        if (afterPass || state.State.AutoWakeAt is not { } registered || wakeAt < registered)
        {
            await RegisterAutoCodesReminderAsync(wakeAt, now);
        }
    }

    // Places the owed codes; a stay whose locks all answered with a code (pending at the vendor or active) is served, one
    // a lock refused stays owed and is tried again on the reminder's next tick. Passes never overlap.
    private async Task IssueAutoCodesAsync()
    {
        if (_issuing)
        {
            _issueAgain = true;
            return;
        }

        _issuing = true;
        try
        {
            do
            {
                _issueAgain = false;
                await IssueDueCodesAsync();
            }
            while (_issueAgain);
        }
        finally
        {
            _issuing = false;
        }

        await ScheduleAutoCodesAsync(afterPass: true);
    }

    private async Task IssueDueCodesAsync()
    {
        var lockIds = state.State.SmartLocks.Keys.ToList();
        if (!AutoCodesOn || lockIds.Count == 0)
        {
            return;
        }

        var due = AutoAccessCodeRules.Due(state.State.Bookings, state.State.AutoServed, time.GetUtcNow(), lockOptions.AutoCodeLeadTime).ToList();
        var served = false;
        foreach (var booking in due)
        {
            var window = PropertyLocksRules.Window(booking);
            var results = await Task.WhenAll(lockIds.Select(id => EnsureCodeAsync(id, window)));
            var failures = results.Select(result => result.Failure).OfType<SmartLockFailure>().ToList();
            if (failures.Count == 0)
            {
                served |= state.State.AutoServed.Add(booking.BookingId);
            }
            else
            {
                LogAutoCodeRefused(PropertyId, booking.BookingId, string.Join(", ", failures.Select(failure => failure.Error)));
            }
        }

        if (served)
        {
            await _saves.SaveAsync();
        }
    }

    private DateTimeOffset? NextAutoCodesDueAt(DateTimeOffset now) =>
        AutoCodesOn && state.State.SmartLocks.Count > 0
            ? AutoAccessCodeRules.NextDueAt(state.State.Bookings, state.State.AutoServed, now, lockOptions.AutoCodeLeadTime)
            : null;

    private async Task StopAutoCodesAsync()
    {
        if (state.State.AutoWakeAt is null)
        {
            return;
        }

        if (await this.GetReminder(AutoCodesReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        state.State.AutoWakeAt = null;
        await _saves.SaveAsync();
    }

    private async Task RegisterAutoCodesReminderAsync(DateTimeOffset wakeAt, DateTimeOffset now)
    {
        var dueTime = wakeAt > now ? wakeAt - now : TimeSpan.Zero;
        await this.RegisterOrUpdateReminder(AutoCodesReminder, dueTime, AutoCodesRetryPeriod);
        state.State.AutoWakeAt = wakeAt;
        await _saves.SaveAsync();
    }

    private void ScheduleAutoCodesPass()
    {
        if (_autoCodesTimer is null)
        {
            _autoCodesTimer = this.RegisterGrainTimer(static (grain, _) => grain.IssueAutoCodesAsync(), this, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _autoCodesTimer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automatic codes of booking {BookingId} on property {PropertyId} were refused by a lock ({Codes}); tried again later")]
    private partial void LogAutoCodeRefused(Guid propertyId, Guid bookingId, string codes);
}
