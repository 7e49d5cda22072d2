using System.Globalization;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.SmartLocks;

/// <summary>
/// The Orleans-free, vendor-neutral decisions of a lock grain about its codes: what a booking change, a revocation or an
/// ended window does to a code, when work is due, and what the stored state may forget. Vendor specifics are the
/// drivers' (<see cref="ILockDriver"/>).
/// </summary>
internal static class SmartLockRules
{
    /// <summary>How long revoked and failed codes, and the revisions of ended bookings, are kept after their window.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>The error of a code that could not be placed because the lock had no free slot.</summary>
    public const string FullError = "smartlock.full";

    /// <summary>
    /// Records what the request says about its booking unless the lock already knows a newer revision, and returns the
    /// newest known state. Requests reach the lock in any order; revisions put them back in the property's order.
    /// </summary>
    public static LockBooking Learn(SmartLockState state, AccessCodeRequest request, bool active)
    {
        if (state.Bookings.TryGetValue(request.BookingId, out var known) && known.Revision > request.Revision)
        {
            return known;
        }

        if (known is not null && known.Revision == request.Revision && !known.Active)
        {
            // A cancellation and a code request of the same revision: the cancellation stands.
            return known;
        }

        var learned = new LockBooking(request.Revision, request.ValidFrom, request.ValidTo, active);
        state.Bookings[request.BookingId] = learned;
        return learned;
    }

    /// <summary>A new code for the request's window, pending until the vendor holds it.</summary>
    public static LockCode NewCode(Guid id, string vendorName, AccessCodeRequest request, DateTimeOffset now) => new()
    {
        Id = id,
        BookingId = request.BookingId,
        ValidFrom = request.ValidFrom,
        ValidTo = request.ValidTo,
        Wanted = true,
        Status = AccessCodeStatus.Pending,
        VendorName = vendorName,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A code the lock refused is tried again: the host may have fixed the cause (credentials, free slots).</summary>
    public static void Reopen(LockCode code, AccessCodeRequest request, DateTimeOffset now)
    {
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

    /// <summary>Gives the code the request's window; a code whose window changes is pending until the vendor shows it.</summary>
    public static void Move(LockCode code, AccessCodeRequest request, DateTimeOffset now)
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
        RestartWork(code, now);
    }

    /// <summary>The code is no longer wanted: revoked at once if it never left Kasify, else revoking at the vendor.</summary>
    public static void Revoke(LockCode code, DateTimeOffset now)
    {
        code.Wanted = false;
        code.Status = code.VendorId is null && code.CreateSentAt is null ? AccessCodeStatus.Revoked : AccessCodeStatus.Revoking;
        if (code.Status == AccessCodeStatus.Revoked)
        {
            // It never reached the lock: whatever kept it from getting there no longer matters.
            code.LastError = null;
        }

        RestartWork(code, now);
    }

    /// <summary>A code whose window ended: one that never reached the lock failed; one that did is revoked at the vendor.</summary>
    public static void Expire(LockCode code, DateTimeOffset now)
    {
        var reached = code.VendorId is not null || code.CreateSentAt is not null;
        var neverActive = code.Status == AccessCodeStatus.Pending && code.VendorId is null;
        code.Wanted = false;
        code.Status = reached ? AccessCodeStatus.Revoking : AccessCodeStatus.Failed;
        if (neverActive)
        {
            code.LastError ??= "accesscode.window_ended";
        }

        RestartWork(code, now);
    }

    /// <summary>Whether a code's next vendor attempt is due.</summary>
    public static bool IsDue(LockCode code, DateTimeOffset now) => code.NextAttemptAt is not { } at || at <= now;

    /// <summary>
    /// A lock that answers again after being offline may have dropped the writes sent meanwhile: they count as unsent,
    /// and waiting codes are due at once.
    /// </summary>
    public static void ResendAfterReconnect(SmartLockState state)
    {
        foreach (var code in state.Codes.Where(code => code.NeedsWork))
        {
            if (code.VendorId is null)
            {
                code.CreateSentAt = null;
            }

            code.WriteSentAt = null;
            code.NextAttemptAt = null;
        }
    }

    /// <summary>Slots came free: codes that waited for room are due now rather than after their backoff.</summary>
    public static void WakeCodesWaitingForRoom(SmartLockState state)
    {
        foreach (var waiting in state.Codes.Where(code => code.Wanted && code.LastError == FullError))
        {
            waiting.NextAttemptAt = null;
        }
    }

    /// <summary>Forgets revoked and failed codes and booking revisions that ended long ago, so the state stays bounded.</summary>
    public static void Forget(SmartLockState state, DateTimeOffset now)
    {
        state.Codes.RemoveAll(old => !old.Wanted && !old.NeedsWork && old.ValidTo < now - Retention);
        foreach (var ended in state.Bookings.Where(booking => booking.Value.ValidTo < now - Retention).Select(booking => booking.Key).ToList())
        {
            state.Bookings.Remove(ended);
        }
    }

    /// <summary>When the next pass has work: the earliest attempt due or live window ending, or null when there is none.</summary>
    public static DateTimeOffset? NextWorkAt(IEnumerable<LockCode> codes, DateTimeOffset now)
    {
        var list = codes as IReadOnlyCollection<LockCode> ?? [.. codes];
        var next = list.Where(code => code.NeedsWork).Select(code => code.NextAttemptAt ?? now).DefaultIfEmpty().Min();
        var nextEnd = list.Where(code => code.Wanted).Select(code => code.ValidTo).DefaultIfEmpty().Min();
        var candidates = new[] { next, nextEnd }.Where(at => at != default).ToList();
        return candidates.Count == 0 ? null : candidates.Min();
    }

    /// <summary>The host's explanation of a code's error; <paramref name="rejected"/> is the driver's text for a plain refusal.</summary>
    public static string FailureMessage(string? error, string rejected) => error switch
    {
        FullError => "The lock holds the most codes it can; revoke some first.",
        "integration.unauthorized" => "The vendor refuses the integration's credentials; update the integration.",
        "integration.not_found" => "The lock's integration no longer exists.",
        "smartlock.not_found" => "The vendor no longer knows this lock.",
        "integration.restricted" => "The vendor account must be upgraded to manage codes.",
        "booking.cancelled" => "The booking was cancelled meanwhile.",
        _ => rejected,
    };

    /// <summary>
    /// Whether the lock has a slot for one more code: Kasify's live codes and the codes someone else put on the device
    /// (as of the last code-list read) share the vendor's <paramref name="maxCodes"/>.
    /// </summary>
    public static bool HasRoom(SmartLockState state, int? maxCodes) =>
        maxCodes is not { } most || state.Codes.Count(code => code.Wanted) + state.ForeignCodes < most;

    /// <summary>
    /// Ends rotations: an old code whose replacement the vendor confirmed is revoked (and returned); one whose
    /// replacement is no longer wanted (it failed) stays the booking's code and may be rotated again.
    /// </summary>
    public static List<LockCode> FinishRotations(SmartLockState state, DateTimeOffset now)
    {
        var finished = new List<LockCode>();
        foreach (var old in state.Codes.Where(code => code.Wanted && code.RotatedTo is not null).ToList())
        {
            var replacement = state.Codes.FirstOrDefault(code => code.Id == old.RotatedTo);
            if (replacement is { Wanted: true, Status: AccessCodeStatus.Active })
            {
                Revoke(old, now);
                finished.Add(old);
            }
            else if (replacement is not { Wanted: true })
            {
                old.RotatedTo = null;
                old.UpdatedAt = now;
            }
        }

        return finished;
    }

    /// <summary>Revokes every wanted code, as when the lock leaves its property.</summary>
    public static void RevokeAll(SmartLockState state, DateTimeOffset now)
    {
        foreach (var code in state.Codes.Where(code => code.Wanted))
        {
            Revoke(code, now);
        }
    }

    /// <summary>
    /// The codes one pass works on, after expiring those whose window ended. A pass for a caller takes only the codes of
    /// its request (<paramref name="only"/>); a timer or reminder pass takes at most <paramref name="most"/> due codes,
    /// longest waiting first.
    /// </summary>
    public static List<LockCode> TakeWork(SmartLockState state, DateTimeOffset now, IReadOnlyCollection<Guid>? only, int most)
    {
        foreach (var code in state.Codes.Where(code => code.Wanted && code.ValidTo <= now))
        {
            Expire(code, now);
        }

        return state.Codes
            .Where(code => code.NeedsWork && (only is null ? IsDue(code, now) : only.Contains(code.Id)))
            .OrderBy(code => code.NextAttemptAt ?? DateTimeOffset.MinValue)
            .Take(only is null ? most : int.MaxValue)
            .ToList();
    }

    /// <summary>The feed entries a new status reading calls for: offline, back online, battery newly critical.</summary>
    public static IEnumerable<(ActivityKind Kind, string Summary)> StatusChanges(string lockName, LockReading? previous, LockReading current)
    {
        if (previous is { Online: true } && !current.Online)
        {
            yield return (ActivityKind.SmartLockOffline, $"{lockName} went offline");
        }
        else if (previous is { Online: false } && current.Online)
        {
            yield return (ActivityKind.SmartLockOnline, $"{lockName} is back online");
        }

        if (current.BatteryCritical == true && previous?.BatteryCritical != true)
        {
            var charge = current.BatteryCharge?.ToString(CultureInfo.InvariantCulture) ?? "?";
            yield return (ActivityKind.SmartLockBatteryCritical, $"{lockName} battery is critical ({charge} %)");
        }
    }

    private static void RestartWork(LockCode code, DateTimeOffset now)
    {
        code.WriteSentAt = null;
        code.NextAttemptAt = null;
        code.Attempts = 0;
        code.UpdatedAt = now;
    }
}
