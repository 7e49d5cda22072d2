namespace Kasify.Grains.Readiness;

/// <summary>Whether the guest's code is on a lock.</summary>
internal enum GuestCodeState
{
    /// <summary>On the lock.</summary>
    Present,

    /// <summary>Kasify is still putting it on the lock.</summary>
    Placing,

    /// <summary>Not on the lock (never placed, failed, or revoked).</summary>
    Missing,
}
