namespace Kasify.Grains.Interfaces.Activity;

/// <summary>What happened. Wire values are snake_case (<c>booking_created</c>, …); values are only ever appended.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Activity.ActivityKind")]
public enum ActivityKind
{
    /// <summary>A booking was created.</summary>
    BookingCreated = 0,

    /// <summary>A booking's dates or details changed.</summary>
    BookingChanged = 1,

    /// <summary>A booking was cancelled.</summary>
    BookingCancelled = 2,

    /// <summary>A guest registered through online check-in.</summary>
    GuestRegistered = 3,

    /// <summary>The last expected guest registered.</summary>
    CheckinCompleted = 4,

    /// <summary>A smart lock stopped answering (vendor reports it offline).</summary>
    SmartLockOffline = 5,

    /// <summary>A smart lock that was offline answers again.</summary>
    SmartLockOnline = 6,

    /// <summary>A smart lock's battery became critical.</summary>
    SmartLockBatteryCritical = 7,

    /// <summary>A guest's access code could not be put on a lock before its window ended, or the vendor rejected it.</summary>
    AccessCodeFailed = 8,

    /// <summary>A crew task was started.</summary>
    TaskStarted = 9,

    /// <summary>A crew task was completed.</summary>
    TaskCompleted = 10,

    /// <summary>SES.HOSPEDAJES refused a communication for data the host can fix (the summary says what).</summary>
    SesRejected = 11,

    /// <summary>A communication owed to SES.HOSPEDAJES is still unsent 20 hours after its trigger; the legal limit is 24.</summary>
    SesDeadlineWarning = 12,

    /// <summary>SES.HOSPEDAJES accepted a communication.</summary>
    SesAccepted = 13,

    /// <summary>A communication owed to SES.HOSPEDAJES cannot be sent for missing data (the summary names the fields).</summary>
    SesIncomplete = 14,

    /// <summary>A channel calendar's event could not be taken: its nights are held by another booking.</summary>
    ChannelConflict = 15,

    /// <summary>A channel calendar could not be read; the last good calendar stays in force.</summary>
    ChannelSyncFailed = 16,

    /// <summary>A channel that fetched the property's export calendar has stopped fetching it.</summary>
    ChannelExportStale = 17,

    /// <summary>A lock's code list differed from Kasify's (a code missing or altered, an unknown Kasify code) and was corrected.</summary>
    AccessCodeCorrected = 18,

    /// <summary>A readiness check before an arrival failed for a lock (offline, battery critical); a task and emails follow.</summary>
    ReadinessFailed = 19,

    /// <summary>A readiness check that had failed passes again; the task's reason is resolved.</summary>
    ReadinessRecovered = 20,
}
