using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>Watches a lock at the fake Nuki until a code's window has ended and the code is gone from it.</summary>
internal static class ExpiryWatch
{
    /// <summary>How long after a window's end the <c>expire-codes</c> reminder may take to remove the code.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Waits until <paramref name="code"/> is gone from the lock, failing if it goes before its window ends (revoked
    /// early) or is still there <see cref="Grace"/> after the end. Returns when it was first seen gone.
    /// </summary>
    public static async Task<DateTimeOffset> WaitUntilRevokedAtEndAsync(LockCluster cluster, long deviceId, AccessCodeDto code)
    {
        await Poll.UntilAsync(
            () => cluster.NukiFake.CodeWithPin(deviceId, code.Code) is null,
            code.ValidTo - DateTimeOffset.UtcNow + Grace,
            $"Revocation at the lock of the code ending at {code.ValidTo:O}",
            () => cluster.NukiFake.Describe(deviceId));
        var goneAt = DateTimeOffset.UtcNow;
        Assert.True(goneAt >= code.ValidTo, $"The code was gone at {goneAt:O}, before its window ended at {code.ValidTo:O}.");
        return goneAt;
    }
}
