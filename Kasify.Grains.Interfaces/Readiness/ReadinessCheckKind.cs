namespace Kasify.Grains.Interfaces.Readiness;

/// <summary>
/// What a readiness check looks at (wire: <c>lock_online</c>, <c>lock_battery</c>, <c>access_code</c>, <c>cleaning</c>,
/// <c>checkin</c>, <c>ses_report</c>). The first three are per lock; values are only ever appended.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Readiness.ReadinessCheckKind")]
public enum ReadinessCheckKind
{
    /// <summary>The lock answers at its vendor.</summary>
    LockOnline = 0,

    /// <summary>The lock's battery is not critical (and, at the first check, above the warning level).</summary>
    LockBattery = 1,

    /// <summary>The guest's code is on the lock.</summary>
    AccessCode = 2,

    /// <summary>The cleaning task before the arrival is completed (judged at the last check only).</summary>
    Cleaning = 3,

    /// <summary>The guests completed online check-in.</summary>
    Checkin = 4,

    /// <summary>SES.HOSPEDAJES accepted the guest register (only where SES is connected).</summary>
    SesReport = 5,
}
