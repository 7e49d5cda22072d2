using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Readiness;

/// <summary>The readiness grain's decisions, free of Orleans: when each arrival is checked next, and what a pass found.</summary>
internal static class ReadinessRules
{
    /// <summary>Orleans refuses reminder due times beyond about 49 days; a wake further away is set for this and moved on then.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    /// <summary>
    /// The arrival's next check: the offset index and when it is due. When several offsets have passed unevaluated (the
    /// booking came in late, or the silo was down), only the latest of them runs, now. Null when every offset ran, the
    /// arrival has passed or the booking is not active.
    /// </summary>
    public static (int Index, DateTimeOffset DueAt)? NextCheck(ReadinessArrival arrival, ImmutableArray<TimeSpan> offsets, DateTimeOffset now)
    {
        if (!arrival.Active || arrival.ArrivalAt <= now || arrival.Evaluated >= offsets.Length)
        {
            return null;
        }

        for (var index = offsets.Length - 1; index >= arrival.Evaluated; index--)
        {
            if (arrival.ArrivalAt - offsets[index] <= now)
            {
                return (index, arrival.ArrivalAt - offsets[index]);
            }
        }

        return (arrival.Evaluated, arrival.ArrivalAt - offsets[arrival.Evaluated]);
    }

    /// <summary>When the reminder should fire for a check due at <paramref name="dueAt"/>: a retry period on for one already due, capped at <see cref="LongestWait"/>.</summary>
    public static DateTimeOffset WakeAt(DateTimeOffset dueAt, DateTimeOffset now, TimeSpan retryPeriod) =>
        dueAt <= now ? now + retryPeriod : (dueAt - now > LongestWait ? now + LongestWait : dueAt);

    /// <summary>
    /// What one pass finds: per lock online, battery (a warning below <paramref name="batteryWarningPercent"/> only at the
    /// first offset) and the guest's code (still being placed is a warning until the last offset); the cleaning before
    /// the arrival (pending until the last offset); check-in; SES where the booking is reported to it.
    /// </summary>
    public static ImmutableArray<ReadinessFinding> Evaluate(ReadinessInputs inputs, bool first, bool last, int batteryWarningPercent)
    {
        var findings = ImmutableArray.CreateBuilder<ReadinessFinding>();
        foreach (var smartLock in inputs.Locks)
        {
            findings.Add(Online(smartLock));
            findings.Add(Battery(smartLock, first, batteryWarningPercent));
            findings.Add(Code(smartLock, last));
        }

        findings.Add(Cleaning(inputs.Cleaning, last));
        findings.Add(inputs.CheckinComplete
            ? new ReadinessFinding(ReadinessCheckKind.Checkin, null, null, ReadinessCheckStatus.Ok, "Check-in completed.")
            : new ReadinessFinding(
                ReadinessCheckKind.Checkin, null, null, last ? ReadinessCheckStatus.Failed : ReadinessCheckStatus.Warning, "Waiting for the guests to complete online check-in."));
        if (Ses(inputs.Ses) is { } ses)
        {
            findings.Add(ses);
        }

        return findings.ToImmutable();
    }

    /// <summary>The key a check is stored under.</summary>
    public static string Key(ReadinessCheckKind kind, Guid? smartLockId) =>
        smartLockId is { } id ? $"{WireName(kind)}:{id:N}" : WireName(kind);

    /// <summary>The check's wire name (<c>lock_online</c>, …), also the metric's tag.</summary>
    public static string WireName(ReadinessCheckKind kind) => kind switch
    {
        ReadinessCheckKind.LockOnline => "lock_online",
        ReadinessCheckKind.LockBattery => "lock_battery",
        ReadinessCheckKind.AccessCode => "access_code",
        ReadinessCheckKind.Cleaning => "cleaning",
        ReadinessCheckKind.Checkin => "checkin",
        ReadinessCheckKind.SesReport => "ses_report",
        _ => "unknown",
    };

    /// <summary>Checks staff and contractors see: the locks' and the cleaning task's.</summary>
    public static bool IsCrewVisible(ReadinessCheckKind kind) => kind is not (ReadinessCheckKind.Checkin or ReadinessCheckKind.SesReport);

    private static ReadinessFinding Online(ReadinessLock smartLock) => smartLock.Status switch
    {
        { Online: null } => new(ReadinessCheckKind.LockOnline, smartLock.Id, smartLock.Name, ReadinessCheckStatus.Pending, "No reading of the lock yet."),
        { Online: false } => new(ReadinessCheckKind.LockOnline, smartLock.Id, smartLock.Name, ReadinessCheckStatus.Failed, $"{smartLock.Name} is offline."),
        { Stale: true } => new(ReadinessCheckKind.LockOnline, smartLock.Id, smartLock.Name, ReadinessCheckStatus.Warning, $"{smartLock.Name} could not be read just now; its last reading was online."),
        _ => new(ReadinessCheckKind.LockOnline, smartLock.Id, smartLock.Name, ReadinessCheckStatus.Ok, $"{smartLock.Name} is online."),
    };

    private static ReadinessFinding Battery(ReadinessLock smartLock, bool first, int warningPercent) => smartLock.Status switch
    {
        { BatteryCritical: true } => new(
            ReadinessCheckKind.LockBattery, smartLock.Id, smartLock.Name, ReadinessCheckStatus.Failed, $"The battery of {smartLock.Name} is critical."),
        { BatteryCharge: { } charge } when first && charge < warningPercent => new(
            ReadinessCheckKind.LockBattery, smartLock.Id, smartLock.Name, ReadinessCheckStatus.Warning, $"The battery of {smartLock.Name} is at {charge} %; replace it soon."),
        { BatteryCritical: null, BatteryCharge: null } => new(
            ReadinessCheckKind.LockBattery, smartLock.Id, smartLock.Name, ReadinessCheckStatus.Pending, "No battery reading yet."),
        _ => new(ReadinessCheckKind.LockBattery, smartLock.Id, smartLock.Name, ReadinessCheckStatus.Ok, $"The battery of {smartLock.Name} is fine."),
    };

    private static ReadinessFinding Code(ReadinessLock smartLock, bool last) => smartLock.Code switch
    {
        GuestCodeState.Present => new(ReadinessCheckKind.AccessCode, smartLock.Id, smartLock.Name, ReadinessCheckStatus.Ok, $"The guest's code is on {smartLock.Name}."),
        GuestCodeState.Placing => new(
            ReadinessCheckKind.AccessCode, smartLock.Id, smartLock.Name, last ? ReadinessCheckStatus.Failed : ReadinessCheckStatus.Warning,
            $"The guest's code is still being put on {smartLock.Name}."),
        _ => new(ReadinessCheckKind.AccessCode, smartLock.Id, smartLock.Name, ReadinessCheckStatus.Failed, $"The guest's code is not on {smartLock.Name}; create the booking's access codes."),
    };

    private static ReadinessFinding Cleaning(CrewTaskStatus? cleaning, bool last) => (cleaning, last) switch
    {
        (_, false) => new(ReadinessCheckKind.Cleaning, null, null, ReadinessCheckStatus.Pending, "Checked at the last check before the arrival."),
        (null, _) => new(ReadinessCheckKind.Cleaning, null, null, ReadinessCheckStatus.Ok, "No cleaning is scheduled before this arrival."),
        (CrewTaskStatus.Completed, _) => new(ReadinessCheckKind.Cleaning, null, null, ReadinessCheckStatus.Ok, "The cleaning before the arrival is completed."),
        _ => new(ReadinessCheckKind.Cleaning, null, null, ReadinessCheckStatus.Failed, "The cleaning before the arrival is not completed."),
    };

    private static ReadinessFinding? Ses(SesStatus status) => status switch
    {
        SesStatus.NotRequired or SesStatus.Cancelled => null,
        SesStatus.Accepted => new(ReadinessCheckKind.SesReport, null, null, ReadinessCheckStatus.Ok, "SES.HOSPEDAJES accepted the guest register."),
        SesStatus.Rejected or SesStatus.Incomplete => new(
            ReadinessCheckKind.SesReport, null, null, ReadinessCheckStatus.Failed, "The SES.HOSPEDAJES communication needs fixing; see the booking."),
        _ => new(ReadinessCheckKind.SesReport, null, null, ReadinessCheckStatus.Warning, "The SES.HOSPEDAJES communication is not accepted yet."),
    };

    /// <summary>
    /// Shows each requested backup code as this pass found it on its lock: the status stored when it was asked for is
    /// that moment's (often still being placed), and a later pass knows better.
    /// </summary>
    public static void RefreshBackupCodes(ReadinessArrival arrival, ReadinessInputs inputs)
    {
        foreach (var issue in arrival.Issues.Values.Where(issue => issue is { BackupSmartLockId: not null, BackupCodeStatus: not null }))
        {
            var backup = inputs.Locks.FirstOrDefault(smartLock => smartLock.Id == issue.BackupSmartLockId);
            issue.BackupCodeStatus = backup?.Code switch
            {
                GuestCodeState.Present => "active",
                GuestCodeState.Placing => "pending",
                _ => issue.BackupCodeStatus,
            };
        }
    }
}
