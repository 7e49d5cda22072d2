using System.Collections.Concurrent;
using Kasify.Chaos.Ledger;

namespace Kasify.Chaos.Verification;

/// <summary>
/// Watches the fakes' devices for the codes of stays that end during the run: about once a second it notes, per
/// code, whether its PIN is on its device, and the first time it is gone after having been there. The removal time
/// minus the window's end is the code's lateness (to within the poll interval).
/// </summary>
internal sealed class ExpiryWatcher(ChaosDevices devices)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<Guid, Watch> _codes = new();

    public IReadOnlyList<ExpiringCode> Codes => [.. _codes.Values.Select(watch => watch.Code)];

    /// <summary>The latest window end among the watched codes, or null when there are none.</summary>
    public DateTimeOffset? LastWindowEnd => _codes.IsEmpty ? null : _codes.Values.Max(watch => watch.Code.ValidTo);

    public void Track(ExpiringCode code) => _codes.TryAdd(code.Id, new Watch(code));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            Poll(DateTimeOffset.UtcNow);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The expiry counts once every window has ended and the poll has run: codes still on their device, codes gone
    /// before their window ended, codes never seen on their device (no lateness for them), and the lateness of the rest.
    /// </summary>
    public ExpiryOutcome Outcome(List<string> evidence)
    {
        var now = DateTimeOffset.UtcNow;
        Poll(now);
        var (stillOnDevice, early, neverSeen) = (0, 0, 0);
        var lateness = new List<double>();
        foreach (var watch in _codes.Values.OrderBy(watch => watch.Code.ValidTo))
        {
            var code = watch.Code;
            if (watch.OnDevice)
            {
                stillOnDevice++;
                evidence.Add($"expired but on device: code {code.Id} of booking {code.BookingId} (PIN {code.Pin}) ended {code.ValidTo:u}, still on {code.Lock} at {now:u}");
            }
            else if (watch.RemovedAt is not { } removed)
            {
                neverSeen++;
            }
            else if (removed < code.ValidTo)
            {
                early++;
                evidence.Add($"removed early: code {code.Id} of booking {code.BookingId} ends {code.ValidTo:u}, gone from {code.Lock} at {removed:u}");
            }
            else
            {
                lateness.Add((removed - code.ValidTo).TotalSeconds);
            }
        }

        return new ExpiryOutcome(_codes.Count, stillOnDevice, early, neverSeen, [.. lateness.Order()]);
    }

    // One look at each watched device per poll: the fake scans every code it holds for each look.
    private void Poll(DateTimeOffset now)
    {
        foreach (var device in _codes.Values.GroupBy(watch => watch.Code.Lock))
        {
            var pins = devices.CodesOn(device.Key).Select(code => code.Pin).ToHashSet(StringComparer.Ordinal);
            foreach (var watch in device)
            {
                watch.Observe(pins.Contains(watch.Code.Pin), now);
            }
        }
    }

    private sealed class Watch(ExpiringCode code)
    {
        private readonly Lock _gate = new();

        public ExpiringCode Code { get; } = code;

        public bool OnDevice { get; private set; }

        /// <summary>The first poll that found the code gone after it had been on its device.</summary>
        public DateTimeOffset? RemovedAt { get; private set; }

        public void Observe(bool onDevice, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (onDevice)
                {
                    OnDevice = true;
                    RemovedAt = null;
                }
                else if (OnDevice)
                {
                    OnDevice = false;
                    RemovedAt = now;
                }
            }
        }
    }
}
