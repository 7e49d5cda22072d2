using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>The vendor-neutral decisions of a lock grain about its codes, and what each driver says about its vendor.</summary>
public sealed class SmartLockRulesTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static AccessCodeRequest Request(Guid bookingId, long revision, int fromDays = 1, int toDays = 3) =>
        new(bookingId, Now.AddDays(fromDays), Now.AddDays(toDays), revision);

    private static LockCode Code(Guid bookingId) => SmartLockRules.NewCode(Guid.NewGuid(), "KSF-test", Request(bookingId, 1), Now);

    [Fact]
    public void AnOlderRevisionDoesNotUndoANewerOne()
    {
        var state = new SmartLockState();
        var bookingId = Guid.NewGuid();
        SmartLockRules.Learn(state, Request(bookingId, 5, toDays: 4), active: true);

        var known = SmartLockRules.Learn(state, Request(bookingId, 4, toDays: 9), active: true);

        Assert.Equal(5, known.Revision);
        Assert.Equal(Now.AddDays(4), state.Bookings[bookingId].ValidTo);
    }

    [Fact]
    public void ACancellationStandsAgainstACodeRequestOfTheSameRevision()
    {
        var state = new SmartLockState();
        var bookingId = Guid.NewGuid();
        SmartLockRules.Learn(state, Request(bookingId, 3), active: false);

        Assert.False(SmartLockRules.Learn(state, Request(bookingId, 3), active: true).Active);
        Assert.True(SmartLockRules.Learn(state, Request(bookingId, 4), active: true).Active);
    }

    [Fact]
    public void ACodeThatNeverLeftKasifyIsRevokedAtOnceAndOneThatDidIsRevoking()
    {
        var unsent = Code(Guid.NewGuid());
        unsent.LastError = "vendor.unavailable";
        var sent = Code(Guid.NewGuid());
        sent.VendorId = "17";

        SmartLockRules.Revoke(unsent, Now);
        SmartLockRules.Revoke(sent, Now);

        Assert.Equal(AccessCodeStatus.Revoked, unsent.Status);
        Assert.Null(unsent.LastError);
        Assert.Equal(AccessCodeStatus.Revoking, sent.Status);
        Assert.False(sent.Wanted);
    }

    [Fact]
    public void AnEndedWindowFailsACodeThatNeverReachedTheLock()
    {
        var code = Code(Guid.NewGuid());

        SmartLockRules.Expire(code, Now);

        Assert.Equal(AccessCodeStatus.Failed, code.Status);
        Assert.Equal("accesscode.window_ended", code.LastError);
    }

    [Fact]
    public void AMovedWindowMakesAnActiveCodePendingAndDueAtOnce()
    {
        var code = Code(Guid.NewGuid());
        code.Status = AccessCodeStatus.Active;
        code.NextAttemptAt = Now.AddHours(1);
        code.Attempts = 3;

        SmartLockRules.Move(code, Request(code.BookingId, 2, toDays: 5), Now);

        Assert.Equal(AccessCodeStatus.Pending, code.Status);
        Assert.Equal(Now.AddDays(5), code.ValidTo);
        Assert.Equal(0, code.Attempts);
        Assert.True(SmartLockRules.IsDue(code, Now));
    }

    [Fact]
    public void ACallersPassTakesOnlyItsCodesAndExpiresEndedOnes()
    {
        var state = new SmartLockState();
        var mine = Code(Guid.NewGuid());
        var other = Code(Guid.NewGuid());
        var ended = Code(Guid.NewGuid());
        ended.ValidTo = Now.AddMinutes(-1);
        state.Codes.AddRange([mine, other, ended]);

        var work = SmartLockRules.TakeWork(state, Now, [mine.Id], most: 1);

        Assert.Equal([mine], work);
        Assert.Equal(AccessCodeStatus.Failed, ended.Status);
        Assert.Equal(2, SmartLockRules.TakeWork(state, Now, only: null, most: 5).Count);
        Assert.Single(SmartLockRules.TakeWork(state, Now, only: null, most: 1));
    }

    [Fact]
    public void LongEndedCodesAndBookingsAreForgottenAndRecentOnesKept()
    {
        var state = new SmartLockState();
        var old = Code(Guid.NewGuid());
        old.ValidTo = Now - SmartLockRules.Retention - TimeSpan.FromDays(1);
        SmartLockRules.Revoke(old, Now);
        var live = Code(Guid.NewGuid());
        state.Codes.AddRange([old, live]);
        state.Bookings[old.BookingId] = new LockBooking(1, old.ValidFrom, old.ValidTo, false);
        state.Bookings[live.BookingId] = new LockBooking(1, live.ValidFrom, live.ValidTo, true);

        SmartLockRules.Forget(state, Now);

        Assert.Equal([live], state.Codes);
        Assert.Equal([live.BookingId], state.Bookings.Keys);
    }

    [Fact]
    public void NextWorkIsTheEarliestAttemptOrWindowEndAndNoneWithoutCodes()
    {
        var waiting = Code(Guid.NewGuid());
        waiting.NextAttemptAt = Now.AddMinutes(10);
        var ending = Code(Guid.NewGuid());
        ending.Status = AccessCodeStatus.Active;
        ending.VendorId = "1";
        ending.ValidTo = Now.AddMinutes(5);
        ending.SentFrom = ending.ValidFrom;
        ending.SentTo = ending.ValidTo;

        Assert.Null(SmartLockRules.NextWorkAt([], Now));
        Assert.Equal(Now.AddMinutes(10), SmartLockRules.NextWorkAt([waiting], Now));
        Assert.Equal(Now.AddMinutes(5), SmartLockRules.NextWorkAt([waiting, ending], Now));
    }

    [Fact]
    public void AReconnectedLockGetsItsUnconfirmedWritesAgain()
    {
        var state = new SmartLockState();
        var code = Code(Guid.NewGuid());
        code.CreateSentAt = Now;
        code.NextAttemptAt = Now.AddMinutes(3);
        state.Codes.Add(code);

        SmartLockRules.ResendAfterReconnect(state);

        Assert.Null(code.CreateSentAt);
        Assert.True(SmartLockRules.IsDue(code, Now));
    }

    [Fact]
    public void StatusChangesReportOfflineOnlineAndANewlyCriticalBatteryOnce()
    {
        var online = new LockReading("locked", "closed", 50, false, true, Now);
        var offline = online with { Online = false };
        var critical = online with { BatteryCritical = true, BatteryCharge = 5 };

        Assert.Equal([ActivityKind.SmartLockOffline], SmartLockRules.StatusChanges("Door", online, offline).Select(change => change.Kind));
        Assert.Equal([ActivityKind.SmartLockOnline], SmartLockRules.StatusChanges("Door", offline, online).Select(change => change.Kind));
        Assert.Equal("Door battery is critical (5 %)", Assert.Single(SmartLockRules.StatusChanges("Door", online, critical)).Summary);
        Assert.Empty(SmartLockRules.StatusChanges("Door", critical, critical));
        Assert.Empty(SmartLockRules.StatusChanges("Door", null, online));
    }

    [Fact]
    public void FailureMessagesExplainKnownErrorsAndLeaveTheRestToTheDriver()
    {
        Assert.Equal("The lock holds the most codes it can; revoke some first.", SmartLockRules.FailureMessage(SmartLockRules.FullError, "driver text"));
        Assert.Equal("driver text", SmartLockRules.FailureMessage("smartlock.rejected", "driver text"));
        Assert.Equal("driver text", SmartLockRules.FailureMessage(null, "driver text"));
    }

    [Fact]
    public void EachDriverNamesCodesWithinItsVendorsLimitsAndStatesItsCapacity()
    {
        var nuki = new NukiLockDriver(null!);
        var unifi = new UniFiLockDriver(null!);
        var id = Guid.NewGuid();

        Assert.True(NukiCodeRules.IsValidName(nuki.NameFor(id)));
        Assert.StartsWith(NukiLockDriver.NamePrefix, nuki.NameFor(id), StringComparison.Ordinal);
        Assert.NotEqual(nuki.NameFor(id), nuki.NameFor(Guid.NewGuid()));
        Assert.Equal(NukiCodeRules.MaxCodesPerLock, nuki.MaxCodes);
        Assert.Null(unifi.MaxCodes);
        Assert.Equal(nuki.NameFor(id), unifi.NameFor(id));
    }
}
