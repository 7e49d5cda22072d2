using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Outbox;

/// <summary>
/// Delivers the work a grain stored with a change (its outbox) at least once, outside the turn that stored it: a
/// grain timer runs a pass right after that turn and again with backoff while a pass fails, and a reminder, registered
/// before the first change of an activation is answered, runs it after a crash or restart. The reminder goes when one of
/// its own ticks finds nothing left and no change came during that pass: a busy grain keeps it, so its changes do not
/// pay for a reminder row each (registering and removing it are database writes too).
/// </summary>
internal sealed partial class DurableDelivery
{
    private readonly Grain _grain;
    private readonly string _reminderName;
    private readonly Func<Task<bool>> _deliver;
    private readonly DurableDeliveryOptions _options;
    private readonly ILogger _logger;
    private IGrainTimer? _timer;
    private bool _reminderRegistered;
    private long _generation;
    private int _failures;

    /// <param name="grain">The grain that owns the outbox; it implements <see cref="IRemindable"/> and forwards the reminder here.</param>
    /// <param name="reminderName">A persisted name: never renamed.</param>
    /// <param name="deliver">One pass over the outbox; true when nothing is left to deliver.</param>
    /// <param name="options">Backoff and reminder period.</param>
    /// <param name="logger">Where failed passes are logged (they are retried).</param>
    public DurableDelivery(Grain grain, string reminderName, Func<Task<bool>> deliver, DurableDeliveryOptions options, ILogger logger)
    {
        _grain = grain;
        _reminderName = reminderName;
        _deliver = deliver;
        _options = options;
        _logger = logger;
    }

    /// <summary>Whether <paramref name="reminderName"/> is this delivery's reminder.</summary>
    public bool Owns(string reminderName) => string.Equals(reminderName, _reminderName, StringComparison.Ordinal);

    /// <summary>
    /// Makes sure the reminder exists before new work is answered for: one registration per activation, so a crash
    /// after the answer still gets the work delivered.
    /// </summary>
    public async Task EnsureReminderAsync()
    {
        _generation++;
        if (!_reminderRegistered)
        {
            await _grain.RegisterOrUpdateReminder(_reminderName, _options.ReminderPeriod, _options.ReminderPeriod);
            _reminderRegistered = true;
        }
    }

    /// <summary>Runs a pass right after the current turn.</summary>
    public void Kick() => Schedule(TimeSpan.Zero);

    /// <summary>Runs a pass now, inside the caller's turn; a failure is logged and retried like any pass.</summary>
    public Task DeliverNowAsync() => RunAsync(fromReminder: false);

    /// <summary>The reminder fired: run a pass now.</summary>
    public Task OnReminderAsync()
    {
        _reminderRegistered = true;
        return RunAsync(fromReminder: true);
    }

    private async Task RunAsync(bool fromReminder)
    {
        var generation = _generation;
        bool finished;
        try
        {
            finished = await _deliver();
            _failures = 0;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _failures++;
            LogPassFailed(exception, _reminderName, _grain.GetGrainId());
            finished = false;
        }

        if (!finished)
        {
            Schedule(Backoff());
            return;
        }

        if (!fromReminder)
        {
            return;
        }

        if (await _grain.GetReminder(_reminderName) is { } reminder)
        {
            await _grain.UnregisterReminder(reminder);
        }

        _reminderRegistered = false;
        if (_generation != generation)
        {
            // New work arrived while the reminder was going: put it back and deliver that too.
            await EnsureReminderAsync();
            Kick();
        }
    }

    private TimeSpan Backoff()
    {
        var delay = _options.RetryBaseDelay * Math.Pow(2, Math.Min(_failures, 10));
        return delay < _options.RetryMaxDelay ? delay : _options.RetryMaxDelay;
    }

    private void Schedule(TimeSpan delay)
    {
        if (_timer is null)
        {
            _timer = _grain.RegisterGrainTimer(static (delivery, _) => delivery.RunAsync(fromReminder: false), this, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery pass of {Outbox} on {GrainId} failed; it is retried")]
    private partial void LogPassFailed(Exception exception, string outbox, GrainId grainId);
}
