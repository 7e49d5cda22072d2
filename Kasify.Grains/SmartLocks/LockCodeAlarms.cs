namespace Kasify.Grains.SmartLocks;

/// <summary>
/// Keeps a lock grain's reminders and timer in line with its codes: the <c>expire-codes</c> reminder follows the earliest
/// live code's end, the <c>retry-codes</c> reminder exists while work waits, and a grain timer does the near work without
/// waiting for a reminder's period. Reminder registrations are remembered per activation, so a pass that changes nothing
/// costs no reminder-table write.
/// </summary>
internal sealed class LockCodeAlarms
{
    /// <summary>Persisted by the reminder provider: never renamed.</summary>
    public const string ExpireCodesReminder = "expire-codes";

    /// <summary>Persisted by the reminder provider: never renamed.</summary>
    public const string RetryCodesReminder = "retry-codes";

    private static readonly TimeSpan MinimumTimerDelay = TimeSpan.FromMilliseconds(50);

    private readonly Grain _grain;
    private readonly Func<Task> _work;
    private readonly TimeSpan _backstop;
    private readonly TimeProvider _time;
    private IGrainTimer? _timer;
    private DateTimeOffset? _expiryArmedFor;
    private bool _retryArmed;

    /// <param name="grain">The lock grain; it implements <see cref="IRemindable"/> and forwards the reminders.</param>
    /// <param name="work">One work pass over the codes, run by the timer.</param>
    /// <param name="backstop">The reminders' period; the timer is not set for work further away than this.</param>
    /// <param name="time">The clock.</param>
    public LockCodeAlarms(Grain grain, Func<Task> work, TimeSpan backstop, TimeProvider time)
    {
        _grain = grain;
        _work = work;
        _backstop = backstop;
        _time = time;
    }

    /// <summary>Reads which reminders exist, so that a crash between a state write and a registration is repaired by the next arm.</summary>
    public async Task LoadAsync()
    {
        _retryArmed = await _grain.GetReminder(RetryCodesReminder) is not null;
        _expiryArmedFor = await _grain.GetReminder(ExpireCodesReminder) is null ? null : DateTimeOffset.MinValue;
    }

    /// <summary>The expiry reminder fired: the next arm sets it again for whatever ends next.</summary>
    public void ExpiryFired() => _expiryArmedFor = DateTimeOffset.MinValue;

    /// <summary>Registers, moves or removes the reminders and sets the timer for the codes as they are now.</summary>
    public async Task ArmAsync(IReadOnlyCollection<LockCode> codes)
    {
        var now = _time.GetUtcNow();
        var nextEnd = codes.Where(code => code.Wanted).Select(code => (DateTimeOffset?)code.ValidTo).Min();
        if (nextEnd is { } end && _expiryArmedFor != end)
        {
            var dueIn = end - now > TimeSpan.FromSeconds(1) ? end - now : TimeSpan.FromSeconds(1);
            await _grain.RegisterOrUpdateReminder(ExpireCodesReminder, dueIn, _backstop);
            _expiryArmedFor = end;
        }
        else if (nextEnd is null && _expiryArmedFor is not null)
        {
            await UnregisterAsync(ExpireCodesReminder);
            _expiryArmedFor = null;
        }

        var waiting = codes.Any(code => code.NeedsWork);
        if (waiting && !_retryArmed)
        {
            await _grain.RegisterOrUpdateReminder(RetryCodesReminder, _backstop, _backstop);
            _retryArmed = true;
        }
        else if (!waiting && _retryArmed)
        {
            await UnregisterAsync(RetryCodesReminder);
            _retryArmed = false;
        }

        SetTimer(codes, now);
    }

    /// <summary>Stops the timer and removes both reminders, as when the lock is removed.</summary>
    public async Task DisarmAsync()
    {
        _timer?.Dispose();
        _timer = null;
        await UnregisterAsync(ExpireCodesReminder);
        await UnregisterAsync(RetryCodesReminder);
        _expiryArmedFor = null;
        _retryArmed = false;
    }

    /// <summary>Removes the named reminder if it exists.</summary>
    public async Task UnregisterAsync(string name)
    {
        if (await _grain.GetReminder(name) is { } reminder)
        {
            await _grain.UnregisterReminder(reminder);
        }
    }

    private void SetTimer(IReadOnlyCollection<LockCode> codes, DateTimeOffset now)
    {
        _timer?.Dispose();
        _timer = null;
        if (SmartLockRules.NextWorkAt(codes, now) is not { } next)
        {
            return;
        }

        var dueIn = next - now > MinimumTimerDelay ? next - now : MinimumTimerDelay;
        if (dueIn <= _backstop)
        {
            _timer = _grain.RegisterGrainTimer(_ => _work(), dueIn, Timeout.InfiniteTimeSpan);
        }
    }
}
