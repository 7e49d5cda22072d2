using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.SmartLocks;

/// <summary>
/// The lock's digital twin, Orleans-free: what the device's code list says about the codes a lock grain wants, and what
/// marking a code for correction does to it. Only settled codes are judged (active, nothing on its way): a code whose
/// write is in flight is the placing machinery's, and a device entry with a pending change is looked at next time.
/// </summary>
internal static class CodeReconciliation
{
    // Vendors store windows to the second at best (UniFi in epoch seconds); a smaller difference is no difference.
    private static readonly TimeSpan WindowTolerance = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Compares <paramref name="onDevice"/> with the lock's codes; <paramref name="pinOf"/> reads a code's PIN. A code
    /// whose window ended by <paramref name="now"/> is not put back: it is on its way out.
    /// </summary>
    public static CodeComparison Compare(
        SmartLockState state, IReadOnlyList<DeviceCode> onDevice, string kasifyPrefix, Func<LockCode, string> pinOf, DateTimeOffset now)
    {
        var claiming = state.Codes.Where(code => code.Wanted || code.Status == AccessCodeStatus.Revoking).ToList();
        var held = new Dictionary<Guid, DeviceCode>();
        var strays = new List<DeviceCode>();
        var foreign = 0;
        foreach (var listed in onDevice)
        {
            // By vendor id once known; a code whose create is unconfirmed is found by its unique name.
            var owner = claiming.FirstOrDefault(code => code.VendorId == listed.VendorId)
                ?? claiming.FirstOrDefault(code => code.VendorId is null && code.VendorName == listed.Name);
            if (owner is not null)
            {
                held.TryAdd(owner.Id, listed);
            }
            else if (listed.Name.StartsWith(kasifyPrefix, StringComparison.Ordinal))
            {
                if (!listed.Pending)
                {
                    strays.Add(listed);
                }
            }
            else
            {
                foreign++;
            }
        }

        var missing = new List<LockCode>();
        var altered = new List<(LockCode, LockCodeDrift)>();
        var present = new HashSet<Guid>();
        foreach (var code in state.Codes.Where(code => code.Wanted))
        {
            var listed = held.GetValueOrDefault(code.Id);
            var drift = listed is null ? LockCodeDrift.None : DriftOf(code, listed, pinOf(code));
            if (listed is not null && drift == LockCodeDrift.None)
            {
                present.Add(code.Id);
            }

            if (!Settled(code) || listed is { Pending: true } || code.ValidTo <= now)
            {
                continue;
            }

            if (listed is null)
            {
                missing.Add(code);
            }
            else if (drift != LockCodeDrift.None)
            {
                altered.Add((code, drift));
            }
        }

        return new CodeComparison(missing, altered, strays, foreign, present);
    }

    /// <summary>
    /// The device lost the code: it counts as never placed, so the placing machinery creates it again (same PIN when the
    /// device still takes it), with its usual retries.
    /// </summary>
    public static void MarkMissing(LockCode code, DateTimeOffset now)
    {
        code.VendorId = null;
        code.CreateSentAt = null;
        code.Drift = LockCodeDrift.None;
        Unsettle(code, now);
    }

    /// <summary>The device holds the code otherwise: the placing machinery writes Kasify's version over it.</summary>
    public static void MarkAltered(LockCode code, LockCodeDrift drift, DateTimeOffset now)
    {
        code.Drift = drift;
        Unsettle(code, now);
    }

    /// <summary>How the device's entry differs from the code; the PIN only where the vendor shows it.</summary>
    public static LockCodeDrift DriftOf(LockCode code, DeviceCode listed, string pin)
    {
        if (!listed.Enabled || (listed.Pin is not null && listed.Pin != pin))
        {
            return LockCodeDrift.Content;
        }

        var sameWindow = listed.ValidFrom is { } from && listed.ValidTo is { } to
            && (from - code.ValidFrom).Duration() < WindowTolerance
            && (to - code.ValidTo).Duration() < WindowTolerance;
        return sameWindow ? LockCodeDrift.None : LockCodeDrift.Window;
    }

    private static bool Settled(LockCode code) =>
        code.Status == AccessCodeStatus.Active && !code.NeedsWork && code.WriteSentAt is null;

    // Pending until the vendor shows the code again; the window last sent no longer holds, so the code needs work now.
    private static void Unsettle(LockCode code, DateTimeOffset now)
    {
        code.Status = AccessCodeStatus.Pending;
        code.SentFrom = null;
        code.SentTo = null;
        code.WriteSentAt = null;
        code.Attempts = 0;
        code.NextAttemptAt = null;
        code.LastError = null;
        code.UpdatedAt = now;
    }
}
