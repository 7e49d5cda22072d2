using Kasify.Chaos.Setup;

namespace Kasify.Chaos.Ledger;

/// <summary>
/// A booking whose creation the API acknowledged, and the ledger of what must be readable afterwards. Only one
/// operation at a time touches it (<see cref="TryTake"/>), so its acknowledged writes are ordered. A write that got no
/// answer or a 5xx may or may not have happened: its state is added to the acceptable ones instead of replacing them.
/// Codes: every code an acknowledged create listed must still be live unless a revoke or cancel touched it.
/// </summary>
internal sealed class TrackedBooking(Guid id, ChaosProperty property, DateOnly slot, DateOnly from, DateOnly to)
{
    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _ackedCodes = [];
    private readonly HashSet<Guid> _revokeTouched = [];
    private readonly HashSet<Guid> _revokeAcknowledged = [];
    private List<BookingExpectation> _acceptable = [new(from, to, false)];
    private List<string> _taskStatuses = ["pending"];
    private int _busy;

    public Guid Id { get; } = id;

    public BookingPurpose Purpose { get; init; } = BookingPurpose.Stay;

    /// <summary>The booking's public check-in code, from its create answer (check-in bookings only).</summary>
    public string? CheckinCode { get; init; }

    /// <summary>True once the API answered a check-in snapshot of this booking with <c>checkin_completed</c>.</summary>
    public bool CheckinAcknowledgedComplete { get; private set; }

    /// <summary>True once a guest registration was sent (answered or not).</summary>
    public bool CheckinAttempted { get; private set; }

    public ChaosProperty Property { get; } = property;

    /// <summary>The first night of the nights this booking owns (<see cref="ChaosProperty.SlotNights"/>).</summary>
    public DateOnly Slot { get; } = slot;

    /// <summary>True once a cancel was sent (answered or not); such a booking takes no further writes.</summary>
    public bool CancelSent { get; private set; }

    /// <summary>
    /// The booking's cleaning task once a start was sent for it. From then on the booking is neither moved nor cancelled,
    /// since those change the task's times and status by themselves and the ledger would have to model that.
    /// </summary>
    public Guid? TaskId { get; private set; }

    /// <summary>The statuses the task may be read back in, by the acknowledged (and unanswered) start and complete.</summary>
    public IReadOnlyList<string> TaskStatuses
    {
        get
        {
            lock (_gate)
            {
                return [.. _taskStatuses];
            }
        }
    }

    public IReadOnlyList<BookingExpectation> Acceptable
    {
        get
        {
            lock (_gate)
            {
                return [.. _acceptable];
            }
        }
    }

    /// <summary>Freezes the booking's dates and status before its task is started (<see cref="TaskId"/>).</summary>
    public void TaskChosen(Guid taskId) => TaskId = taskId;

    /// <summary>Records a task start or complete: acknowledged replaces the acceptable statuses, unknown outcome adds.</summary>
    public void TaskMoved(string status, bool acknowledged)
    {
        lock (_gate)
        {
            _taskStatuses = acknowledged ? [status] : [.. _taskStatuses.Append(status).Distinct()];
        }
    }

    public void CheckinSent(bool acknowledgedComplete)
    {
        CheckinAttempted = true;
        CheckinAcknowledgedComplete |= acknowledgedComplete;
    }

    public bool TryTake() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    public void Release() => Volatile.Write(ref _busy, 0);

    /// <summary>Records a date move: acknowledged replaces, unknown outcome adds.</summary>
    public void Moved(DateOnly newFrom, DateOnly newTo, bool acknowledged)
    {
        lock (_gate)
        {
            var moved = _acceptable.Select(state => state with { From = newFrom, To = newTo }).Distinct().ToList();
            _acceptable = acknowledged ? moved : [.. _acceptable.Concat(moved).Distinct()];
        }
    }

    public void CancelAttempted(bool acknowledged)
    {
        lock (_gate)
        {
            CancelSent = true;
            var cancelled = _acceptable.Select(state => state with { Cancelled = true }).Distinct().ToList();
            _acceptable = acknowledged ? cancelled : [.. _acceptable.Concat(cancelled).Distinct()];
        }
    }

    /// <summary>Codes an acknowledged create listed as live.</summary>
    public void CodesAcknowledged(IEnumerable<Guid> codeIds)
    {
        lock (_gate)
        {
            _ackedCodes.UnionWith(codeIds);
        }
    }

    public void RevokeSent(Guid codeId, bool acknowledged)
    {
        lock (_gate)
        {
            _revokeTouched.Add(codeId);
            if (acknowledged)
            {
                _revokeAcknowledged.Add(codeId);
            }
        }
    }

    /// <summary>A code id to revoke: one an acknowledged create listed and no revoke touched yet.</summary>
    public Guid? LiveCode(Random random)
    {
        lock (_gate)
        {
            var live = _ackedCodes.Where(id => !_revokeTouched.Contains(id)).ToList();
            return live.Count == 0 ? null : live[random.Next(live.Count)];
        }
    }

    /// <summary>
    /// Codes that must be live (pending or active) now: acknowledged, never revoked, booking never cancelled. An expiring
    /// stay's codes are checked against their window instead (<see cref="Verification.ExpiryWatcher"/>).
    /// </summary>
    public IReadOnlyList<Guid> CodesThatMustBeLive()
    {
        lock (_gate)
        {
            return CancelSent || Purpose == BookingPurpose.Expiring ? [] : [.. _ackedCodes.Where(id => !_revokeTouched.Contains(id))];
        }
    }

    /// <summary>Codes a revoke was acknowledged for or a cancel covers: they must not be live any more.</summary>
    public IReadOnlyList<Guid> CodesThatMustBeGone()
    {
        lock (_gate)
        {
            var cancelled = CancelSent && _acceptable.All(s => s.Cancelled);
            return [.. _ackedCodes.Where(id => cancelled || _revokeAcknowledged.Contains(id))];
        }
    }
}
