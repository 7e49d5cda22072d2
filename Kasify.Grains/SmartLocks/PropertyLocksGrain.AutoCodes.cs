using Kasify.Grains.Interfaces.SmartLocks;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.SmartLocks;

// Automatic access codes (the property's auto_access_codes): each stay gets its code on every lock a lead time before
// arrival, without anyone asking. What is owed follows from the stored windows and AutoServed, so a pass lost with a
// silo is made again by the reminder; placing a code twice is harmless (a lock answers with the code it has).
internal sealed partial class PropertyLocksGrain
{
    private const string AutoCodesReminder = "auto-access-codes"; // persisted by the reminder provider: never rename

    // Orleans refuses reminder due times beyond about 49 days; a stay further away is looked at again after this.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    private IGrainTimer? _autoCodesTimer;
    private bool _issuing;
    private bool _issueAgain;

    private bool AutoCodesOn => _access is { Deleted: false, Details.AutoAccessCodes: true };

    private TimeSpan AutoCodesRetryPeriod =>
        lockOptions.AutoCodeRetryPeriod > reminderOptions.Value.MinimumReminderPeriod ? lockOptions.AutoCodeRetryPeriod : reminderOptions.Value.MinimumReminderPeriod;

    // After every change that can make a stay owed its codes: runs a pass now when one is owed already, and makes sure
    // the reminder wakes the grain when the next one will be (or retries an owed one), registering it only when that is
    // sooner than it is set for, so a busy calendar does not write a reminder row per booking.
    private async Task PlanAutoCodesAsync()
    {
        var now = time.GetUtcNow();
        var next = NextAutoCodesDueAt(now);
        if (next is null)
        {
            await StopAutoCodesAsync();
            return;
        }

        if (next <= now)
        {
            ScheduleAutoCodesPass();
        }

        var wakeAt = WakeAt(next.Value, now);
        if (state.State.AutoWakeAt is not { } registered || wakeAt < registered)
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

        var now = time.GetUtcNow();
        var next = NextAutoCodesDueAt(now);
        if (next is null)
        {
            await StopAutoCodesAsync();
        }
        else
        {
            await RegisterAutoCodesReminderAsync(WakeAt(next.Value, now), now);
        }
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

    // An owed stay is retried a period after this pass (the timer's pass may be lost with the silo); a later one wakes
    // the grain when it becomes owed, or after the longest wait a reminder allows.
    private DateTimeOffset WakeAt(DateTimeOffset next, DateTimeOffset now) =>
        next <= now ? now + AutoCodesRetryPeriod : (next - now > LongestWait ? now + LongestWait : next);

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
