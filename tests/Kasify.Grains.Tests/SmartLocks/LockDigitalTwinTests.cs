using Kasify.Fakes.Nuki;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// The lock as a digital twin of the Nuki device, against the fake Nuki Web API: each one-second status tick reads the
/// lock's keypad codes once and puts back what a user of the Nuki app deleted or changed, removes Kasify-named codes no
/// booking claims, leaves everyone else's codes alone and counts them against the lock's 100 slots; and a booking's
/// code is rotated to a new PIN without a moment without a working code.
/// </summary>
public sealed class LockDigitalTwinTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    private static readonly TimeSpan TickWait = TimeSpan.FromSeconds(15);

    private NukiFakeState Fake => cluster.NukiFake;

    [Fact]
    public async Task ACodeDeletedAtTheDeviceIsPlacedAgainWithTheSamePin()
    {
        var (host, device, code) = await ActiveCodeAsync();
        var deleted = Fake.CodeWithPin(device, code.Code)!;
        using var corrections = new CorrectionsListener();

        Assert.True(Fake.RemoveAuthAsUser(device, deleted.Id));

        await Poll.UntilAsync(
            () => Fake.Holds(device, code) && Fake.CodeWithPin(device, code.Code)!.Id != deleted.Id,
            TickWait,
            "The deleted code being put on the lock again",
            () => Fake.Describe(device));
        var again = await host.WaitForCodesAsync(code.BookingId, 1, c => c.Status == AccessCodeStatus.Active, "The code active again", TickWait);
        Assert.Equal((code.Id, code.Code, code.ValidFrom, code.ValidTo), (again.Codes[0].Id, again.Codes[0].Code, again.Codes[0].ValidFrom, again.Codes[0].ValidTo));
        var entry = await CorrectionAsync(host, code.BookingId);
        Assert.Contains("missing on Door 1", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("missing", corrections.Kinds);
    }

    [Fact]
    public async Task AnAlteredWindowIsSetBackOnTheSameCode()
    {
        var (host, device, code) = await ActiveCodeAsync();
        var auth = Fake.CodeWithPin(device, code.Code)!;

        Assert.True(Fake.AlterAuthAsUser(device, auth.Id, allowedUntil: code.ValidTo.AddDays(3)));
        Assert.False(Fake.Holds(device, code));

        await Poll.UntilAsync(() => Fake.Holds(device, code), TickWait, "The booking's window back on the code", () => Fake.Describe(device));
        Assert.Equal(auth.Id, Assert.Single(Fake.CodesOn(device)).Id);
        var entry = await CorrectionAsync(host, code.BookingId);
        Assert.Contains("another window", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedPinAndADisabledCodeAreSetBack()
    {
        var (host, device, code) = await ActiveCodeAsync();
        var auth = Fake.CodeWithPin(device, code.Code)!;
        var otherPin = code.Code == "999999" ? 888888 : 999999;

        Assert.True(Fake.AlterAuthAsUser(device, auth.Id, code: otherPin, enabled: false));

        await Poll.UntilAsync(
            () => Fake.CodeWithPin(device, code.Code) is { Enabled: true, OperationId: null } restored && restored.Id == auth.Id,
            TickWait,
            "Kasify's PIN back on the code, enabled",
            () => Fake.Describe(device));
        Assert.True(Fake.Holds(device, code));
        var listed = Assert.Single((await host.CodesAsync(code.BookingId)).Codes);
        Assert.Equal(code.Code, listed.Code);
        await CorrectionAsync(host, code.BookingId);
    }

    [Fact]
    public async Task AStrayKasifyCodeIsRemovedAndSomeoneElsesIsLeftAloneAndCounted()
    {
        var (host, device, code) = await ActiveCodeAsync();
        var stray = Fake.SeedAuth(device, "KSF-0123456789ab", 777777, code.ValidFrom, code.ValidTo);
        var cleaner = Fake.SeedAuth(device, "Cleaner", 888888);

        await Poll.UntilAsync(
            () => Fake.CodesOn(device).All(auth => auth.Id != stray.Id),
            TickWait,
            "The stray Kasify code being removed",
            () => Fake.Describe(device));

        var check = await SmartLock(code).VerifyCodesAsync(code.BookingId);
        Assert.Equal((true, 1), (check.DeviceRead, check.ForeignCodes));
        Assert.Equal(new CodePresence(code.Id, AccessCodeStatus.Active, OnDevice: true), Assert.Single(check.Codes));
        var kept = Assert.Single(Fake.CodesOn(device), auth => auth.Id == cleaner.Id);
        Assert.Equal(("Cleaner", 888888, true, (DateTimeOffset?)null), (kept.Name, kept.Code, kept.Enabled, kept.AllowedUntilDate));
        Assert.True(Fake.Holds(device, code));

        // The entry is stored with the correction and handed to the feed after it, possibly at the next tick on a busy host.
        await Poll.UntilAsync(
            () => host.Cluster.Grains.GetGrain<IActivityFeedGrain>(host.PropertyId).GetLatestAsync(null, 100),
            entries => entries.Any(entry => entry.Kind == ActivityKind.AccessCodeCorrected && entry.Summary.Contains("KSF-0123456789ab", StringComparison.Ordinal)),
            TickWait,
            "The stray's removal reaching the activity feed",
            entries => string.Join("; ", entries.Select(entry => entry.Summary)));
    }

    [Fact]
    public async Task CodesSomeoneElsePutOnTheLockTakeItsSlots()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var device = host.Locks[0].DeviceId;
        for (var i = 0; i < 99; i++)
        {
            Fake.SeedAuth(device, $"Family {i}", int.Parse($"4{(i / 81) + 1}{(i / 9 % 9) + 1}{(i % 9) + 1}11", System.Globalization.CultureInfo.InvariantCulture));
        }

        var first = await host.BookAsync(LockStays.InSlot(0));
        var second = await host.BookAsync(LockStays.InSlot(1));
        var smartLock = cluster.Grains.GetGrain<ISmartLockGrain>(host.Locks[0].SmartLock.Id);
        Assert.Equal(99, (await smartLock.VerifyCodesAsync(first.Id)).ForeignCodes);

        var taken = await host.CreateCodesAsync(first.Id);
        var refused = await host.CreateCodesAsync(second.Id);

        Assert.Single(taken.Codes);
        Assert.Equal("smartlock.full", Assert.Single(refused.FailedSmartLocks).Error);

        // Refused before any vendor call: no code was stored for the second stay.
        Assert.Empty((await host.CodesAsync(second.Id)).Codes);
        await host.WaitForCodesAsync(first.Id, 1, c => c.Status == AccessCodeStatus.Active, "The code in the last slot becoming active", TickWait);
        Assert.Equal(100, Fake.CodesOn(device).Count);
    }

    [Fact]
    public async Task VerifyingReportsWhetherTheDeviceHoldsEachCode()
    {
        var (_, device, code) = await ActiveCodeAsync();
        var smartLock = SmartLock(code);
        Assert.True(Assert.Single((await smartLock.VerifyCodesAsync(code.BookingId)).Codes).OnDevice);

        Fake.RemoveAuthAsUser(device, Fake.CodeWithPin(device, code.Code)!.Id);
        var missing = await smartLock.VerifyCodesAsync(code.BookingId);

        Assert.True(missing.DeviceRead);
        var presence = Assert.Single(missing.Codes);
        Assert.Equal((code.Id, false, AccessCodeStatus.Pending), (presence.CodeId, presence.OnDevice, presence.Status));
        await Poll.UntilAsync(
            () => smartLock.VerifyCodesAsync(code.BookingId),
            check => check.Codes is [{ OnDevice: true, Status: AccessCodeStatus.Active }],
            TickWait,
            "The code on the device again");
        Assert.Empty((await smartLock.VerifyCodesAsync(Guid.NewGuid())).Codes);
    }

    [Fact]
    public async Task RotatingGivesANewPinForTheSameWindowAndRevokesTheOldOneOnlyAfterwards()
    {
        var (host, device, code) = await ActiveCodeAsync();

        var rotated = await host.PropertyLocks.RotateAccessCodeAsync(host.Owner.Id, code.BookingId, code.Id);
        var retried = await host.PropertyLocks.RotateAccessCodeAsync(host.Owner.Id, code.BookingId, code.Id);

        Assert.NotEqual(code.Id, rotated.Id);
        Assert.NotEqual(code.Code, rotated.Code);
        Assert.Equal((code.SmartLockId, code.BookingId, code.ValidFrom, code.ValidTo), (rotated.SmartLockId, rotated.BookingId, rotated.ValidFrom, rotated.ValidTo));
        Assert.Equal(rotated.Id, retried.Id);

        // Nuki confirms the new code only by reading it back: until then the old one still opens the door.
        Assert.Equal(AccessCodeStatus.Pending, rotated.Status);
        Assert.NotNull(Fake.CodeWithPin(device, code.Code));
        await Poll.UntilAsync(
            () => Fake.Holds(device, rotated) && Fake.CodeWithPin(device, code.Code) is null,
            TickWait,
            "The new code on the lock and the old one gone",
            () => Fake.Describe(device));
        var codes = await Poll.UntilAsync(
            () => host.CodesAsync(code.BookingId),
            all => all.Codes.Any(c => c.Id == code.Id && c.Status == AccessCodeStatus.Revoked),
            TickWait,
            "The old code revoked",
            AccessCodeText.Describe);
        Assert.Equal(AccessCodeStatus.Active, codes.Codes.Single(c => c.Id == rotated.Id).Status);
        Assert.Equal(2, codes.Codes.Length);
        Assert.Single(Fake.CodesOn(device));
        Assert.Equal(rotated.Id, (await host.PropertyLocks.RotateAccessCodeAsync(host.Owner.Id, code.BookingId, code.Id)).Id);
        Assert.Equal(2, (await host.CodesAsync(code.BookingId)).Codes.Length);
    }

    [Fact]
    public async Task OnlyALiveCodeOfTheBookingCanBeRotated()
    {
        var (host, _, code) = await ActiveCodeAsync();

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => host.PropertyLocks.RotateAccessCodeAsync(host.Owner.Id, code.BookingId, Guid.NewGuid()));
        await host.PropertyLocks.RevokeAccessCodeAsync(host.Owner.Id, code.BookingId, code.Id);
        var revoked = await Assert.ThrowsAsync<ConflictException>(() => host.PropertyLocks.RotateAccessCodeAsync(host.Owner.Id, code.BookingId, code.Id));

        Assert.Equal(("accesscode.not_found", "accesscode.not_rotatable"), (unknown.Code, revoked.Code));
        Assert.Single((await host.CodesAsync(code.BookingId)).Codes);
    }

    private async Task<(NukiHost Host, long Device, AccessCodeDto Code)> ActiveCodeAsync()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var booking = await host.BookAsync(LockStays.InSlot(0));
        await host.CreateCodesAsync(booking.Id);
        var active = await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Active, "The code becoming active", TickWait);
        return (host, host.Locks[0].DeviceId, active.Codes[0]);
    }

    private ISmartLockGrain SmartLock(AccessCodeDto code) => cluster.Grains.GetGrain<ISmartLockGrain>(code.SmartLockId);

    private static async Task<ActivityEntry> CorrectionAsync(NukiHost host, Guid bookingId)
    {
        var feed = host.Cluster.Grains.GetGrain<IActivityFeedGrain>(host.PropertyId);
        var entries = await Poll.UntilAsync(
            () => feed.GetLatestAsync(null, 100),
            all => all.Any(entry => entry.Kind == ActivityKind.AccessCodeCorrected && entry.BookingId == bookingId),
            TickWait,
            "A correction in the activity feed",
            all => string.Join(", ", all.Select(entry => entry.Kind)));
        return entries.First(entry => entry.Kind == ActivityKind.AccessCodeCorrected && entry.BookingId == bookingId);
    }
}
