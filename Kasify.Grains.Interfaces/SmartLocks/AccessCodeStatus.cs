namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>Where a guest's code stands at the vendor (wire: snake_case).</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.SmartLocks.AccessCodeStatus")]
public enum AccessCodeStatus
{
    /// <summary>Kasify holds the code and is still putting it on the lock (vendor write pending, or retrying after a failure).</summary>
    Pending = 0,

    /// <summary>The vendor holds the code with the booking's window.</summary>
    Active = 1,

    /// <summary>The code is being removed from the lock (revoked, cancelled or expired).</summary>
    Revoking = 2,

    /// <summary>The code is gone from the lock.</summary>
    Revoked = 3,

    /// <summary>The code could not be put on the lock (vendor rejected it, or its window ended first).</summary>
    Failed = 4,
}
