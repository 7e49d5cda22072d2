using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Readiness;

namespace Kasify.Grains.Tests.Readiness;

public sealed class ReadinessRulesTests
{
    private static readonly ImmutableArray<TimeSpan> Offsets = new ReadinessOptions().ParsedOffsets();
    private static readonly DateTimeOffset Arrival = new(2031, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private static readonly SmartLockStatus Healthy = new("locked", "closed", 80, false, true, Arrival, false);

    [Fact]
    public void TheDefaultOffsetsAre48And24And2HoursLongestFirst() =>
        Assert.Equal([TimeSpan.FromHours(48), TimeSpan.FromHours(24), TimeSpan.FromHours(2)], Offsets.ToArray());

    [Theory]
    [InlineData("2h,30s, 90m", new[] { 7200.0, 5400.0, 30.0 })]
    [InlineData("1d", new[] { 86400.0 })]
    public void OffsetsAreReadInAnyOrderWithUnits(string text, double[] seconds) =>
        Assert.Equal(seconds.Select(TimeSpan.FromSeconds).ToArray(), new ReadinessOptions { Offsets = text }.ParsedOffsets().ToArray());

    [Theory]
    [InlineData("2x")]
    [InlineData("0s")]
    [InlineData("-1h")]
    public void BadOffsetsAreRefused(string text) =>
        Assert.Throws<FormatException>(() => new ReadinessOptions { Offsets = text }.ParsedOffsets());

    [Fact]
    public void ANewArrivalIsFirstCheckedAtItsFirstOffset()
    {
        var next = ReadinessRules.NextCheck(ArrivalOf(evaluated: 0), Offsets, Arrival - TimeSpan.FromDays(5));
        Assert.Equal((0, Arrival - TimeSpan.FromHours(48)), next);
    }

    [Fact]
    public void AnArrivalBookedLateRunsOnlyTheLatestPassedOffsetNow()
    {
        var now = Arrival - TimeSpan.FromHours(20);
        Assert.Equal((1, Arrival - TimeSpan.FromHours(24)), ReadinessRules.NextCheck(ArrivalOf(evaluated: 0), Offsets, now));
    }

    [Fact]
    public void AfterTheLastOffsetOrTheArrivalOrACancellationNothingIsDue()
    {
        Assert.Null(ReadinessRules.NextCheck(ArrivalOf(evaluated: 3), Offsets, Arrival - TimeSpan.FromHours(1)));
        Assert.Null(ReadinessRules.NextCheck(ArrivalOf(evaluated: 1), Offsets, Arrival));
        var cancelled = ArrivalOf(evaluated: 0);
        cancelled.Active = false;
        Assert.Null(ReadinessRules.NextCheck(cancelled, Offsets, Arrival - TimeSpan.FromDays(5)));
    }

    [Fact]
    public void AWakeFarAwayIsCappedBelowTheReminderLimitAndADueOneRetriesAPeriodOn()
    {
        var now = Arrival - TimeSpan.FromDays(200);
        Assert.Equal(now + ReadinessRules.LongestWait, ReadinessRules.WakeAt(Arrival, now, TimeSpan.FromMinutes(1)));
        Assert.Equal(Arrival + TimeSpan.FromMinutes(1), ReadinessRules.WakeAt(Arrival - TimeSpan.FromHours(1), Arrival, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void HealthyLocksWithTheirCodesPass()
    {
        var findings = Evaluate([Lock(Healthy, GuestCodeState.Present)], first: true, last: false);
        Assert.All(findings.Where(finding => finding.SmartLockId is not null), finding => Assert.Equal(ReadinessCheckStatus.Ok, finding.Status));
    }

    [Fact]
    public void AnOfflineLockFailsAndAnUnreadOneIsPending()
    {
        Assert.Equal(ReadinessCheckStatus.Failed, Status(Lock(Healthy with { Online = false }), ReadinessCheckKind.LockOnline));
        Assert.Equal(ReadinessCheckStatus.Pending, Status(Lock(Healthy with { Online = null, BatteryCharge = null, BatteryCritical = null }), ReadinessCheckKind.LockOnline));
        Assert.Equal(ReadinessCheckStatus.Warning, Status(Lock(Healthy with { Stale = true }), ReadinessCheckKind.LockOnline));
    }

    [Fact]
    public void ACriticalBatteryFailsAndALowOneWarnsOnlyAtTheFirstCheck()
    {
        Assert.Equal(ReadinessCheckStatus.Failed, Status(Lock(Healthy with { BatteryCritical = true, BatteryCharge = 5 }), ReadinessCheckKind.LockBattery, first: false));
        Assert.Equal(ReadinessCheckStatus.Warning, Status(Lock(Healthy with { BatteryCharge = 24 }), ReadinessCheckKind.LockBattery, first: true));
        Assert.Equal(ReadinessCheckStatus.Ok, Status(Lock(Healthy with { BatteryCharge = 24 }), ReadinessCheckKind.LockBattery, first: false));
        Assert.Equal(ReadinessCheckStatus.Ok, Status(Lock(Healthy with { BatteryCharge = 25 }), ReadinessCheckKind.LockBattery, first: true));
    }

    [Fact]
    public void AMissingCodeFailsAndOneStillBeingPlacedFailsOnlyAtTheLastCheck()
    {
        Assert.Equal(ReadinessCheckStatus.Failed, Status(Lock(Healthy, GuestCodeState.Missing), ReadinessCheckKind.AccessCode));
        Assert.Equal(ReadinessCheckStatus.Warning, Status(Lock(Healthy, GuestCodeState.Placing), ReadinessCheckKind.AccessCode, last: false));
        Assert.Equal(ReadinessCheckStatus.Failed, Status(Lock(Healthy, GuestCodeState.Placing), ReadinessCheckKind.AccessCode, last: true));
    }

    [Theory]
    [InlineData(null, false, ReadinessCheckStatus.Pending)]
    [InlineData(CrewTaskStatus.InProgress, false, ReadinessCheckStatus.Pending)]
    [InlineData(CrewTaskStatus.InProgress, true, ReadinessCheckStatus.Failed)]
    [InlineData(CrewTaskStatus.Pending, true, ReadinessCheckStatus.Failed)]
    [InlineData(CrewTaskStatus.Completed, true, ReadinessCheckStatus.Ok)]
    [InlineData(null, true, ReadinessCheckStatus.Ok)]
    public void TheCleaningIsJudgedAtTheLastCheckOnly(CrewTaskStatus? cleaning, bool last, ReadinessCheckStatus expected)
    {
        var findings = ReadinessRules.Evaluate(new ReadinessInputs([], cleaning, false, SesStatus.NotRequired), first: false, last, 25);
        Assert.Equal(expected, findings.Single(finding => finding.Kind == ReadinessCheckKind.Cleaning).Status);
    }

    [Theory]
    [InlineData(true, false, ReadinessCheckStatus.Ok)]
    [InlineData(false, false, ReadinessCheckStatus.Warning)]
    [InlineData(false, true, ReadinessCheckStatus.Failed)]
    public void CheckinIsOkOnceCompleteAndFailsAtTheLastCheckOtherwise(bool complete, bool last, ReadinessCheckStatus expected)
    {
        var findings = ReadinessRules.Evaluate(new ReadinessInputs([], null, complete, SesStatus.NotRequired), first: false, last, 25);
        Assert.Equal(expected, findings.Single(finding => finding.Kind == ReadinessCheckKind.Checkin).Status);
    }

    [Theory]
    [InlineData(SesStatus.Accepted, ReadinessCheckStatus.Ok)]
    [InlineData(SesStatus.Rejected, ReadinessCheckStatus.Failed)]
    [InlineData(SesStatus.Incomplete, ReadinessCheckStatus.Failed)]
    [InlineData(SesStatus.Submitted, ReadinessCheckStatus.Warning)]
    public void SesIsCheckedWhereTheBookingIsReported(SesStatus ses, ReadinessCheckStatus expected)
    {
        var findings = ReadinessRules.Evaluate(new ReadinessInputs([], null, true, ses), first: false, last: true, 25);
        Assert.Equal(expected, findings.Single(finding => finding.Kind == ReadinessCheckKind.SesReport).Status);
    }

    [Fact]
    public void SesIsSkippedWhereItIsNotConnected()
    {
        var findings = ReadinessRules.Evaluate(new ReadinessInputs([], null, true, SesStatus.NotRequired), first: false, last: true, 25);
        Assert.DoesNotContain(findings, finding => finding.Kind == ReadinessCheckKind.SesReport);
    }

    [Fact]
    public void StaffAndContractorsSeeTheLockAndCleaningChecksOnly()
    {
        Assert.True(ReadinessRules.IsCrewVisible(ReadinessCheckKind.LockOnline));
        Assert.True(ReadinessRules.IsCrewVisible(ReadinessCheckKind.Cleaning));
        Assert.False(ReadinessRules.IsCrewVisible(ReadinessCheckKind.Checkin));
        Assert.False(ReadinessRules.IsCrewVisible(ReadinessCheckKind.SesReport));
    }

    [Fact]
    public void ABackupCodeShowsWhatTheLatestPassFoundOnItsLock()
    {
        var placing = Lock(Healthy, GuestCodeState.Placing);
        var arrival = ArrivalOf(1);
        arrival.Issues["offline"] = new ReadinessIssue { BackupSmartLockId = placing.Id, BackupCodeStatus = "pending" };
        arrival.Issues["no-backup"] = new ReadinessIssue { BackupSmartLockId = null, BackupCodeStatus = null };

        ReadinessRules.RefreshBackupCodes(arrival, new ReadinessInputs([placing with { Code = GuestCodeState.Present }], null, false, SesStatus.NotRequired));
        Assert.Equal("active", arrival.Issues["offline"].BackupCodeStatus);
        Assert.Null(arrival.Issues["no-backup"].BackupCodeStatus);

        // A pass that cannot see the lock (it left the property) keeps what is known.
        ReadinessRules.RefreshBackupCodes(arrival, new ReadinessInputs([], null, false, SesStatus.NotRequired));
        Assert.Equal("active", arrival.Issues["offline"].BackupCodeStatus);
    }

    private static ReadinessArrival ArrivalOf(int evaluated) =>
        new() { Revision = 1, ArrivalAt = Arrival, DepartureAt = Arrival.AddDays(2), Active = true, Evaluated = evaluated };

    private static ReadinessLock Lock(SmartLockStatus status, GuestCodeState code = GuestCodeState.Present) => new(Guid.NewGuid(), "Front Door", status, code);

    private static ImmutableArray<ReadinessFinding> Evaluate(ImmutableArray<ReadinessLock> locks, bool first, bool last) =>
        ReadinessRules.Evaluate(new ReadinessInputs(locks, null, false, SesStatus.NotRequired), first, last, 25);

    private static ReadinessCheckStatus Status(ReadinessLock smartLock, ReadinessCheckKind kind, bool first = false, bool last = false) =>
        Evaluate([smartLock], first, last).Single(finding => finding.Kind == kind).Status;
}
