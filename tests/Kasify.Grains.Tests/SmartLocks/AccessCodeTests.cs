using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// Per-booking access codes on Nuki locks, checked at the fake: one valid keypad code per lock with the stay's window,
/// pending until read back, idempotent, unique per lock, revoked one by one or with the booking, moved with its dates,
/// and refused by a full lock without failing the other locks.
/// </summary>
public sealed class AccessCodeTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    private static readonly TimeSpan VendorWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task EveryLockGetsASixDigitKeypadCodeForTheStay()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        var booking = await host.BookAsync(LockStays.InSlot(0));

        var created = await host.CreateCodesAsync(booking.Id);

        Assert.Equal(booking.Id, created.BookingId);
        Assert.Empty(created.FailedSmartLocks);
        Assert.Equal(host.Locks.Select(l => l.SmartLock.Id).Order(), created.Codes.Select(c => c.SmartLockId).Order());
        Assert.All(created.Codes, code =>
        {
            Assert.Matches("^[1-9]{6}$", code.Code);
            Assert.False(code.Code.StartsWith("12", StringComparison.Ordinal), $"{code.Code} starts with 12");
            Assert.Equal((booking.Id, booking.ArrivalAt, booking.DepartureAt), (code.BookingId, code.ValidFrom, code.ValidTo));
            Assert.Equal(host.Locks.Single(l => l.SmartLock.Id == code.SmartLockId).SmartLock.Name, code.SmartLockName);
            Assert.True(code.Status is AccessCodeStatus.Pending or AccessCodeStatus.Active, AccessCodeText.Describe(code));

            // Nuki answers a create with 204 and applies it later: "active" needs the code to be on the lock.
            Assert.True(
                code.Status == AccessCodeStatus.Pending || cluster.NukiFake.Holds(host.DeviceOf(code.SmartLockId), code),
                $"{AccessCodeText.Describe(code)} is active but {cluster.NukiFake.Describe(host.DeviceOf(code.SmartLockId))}");
        });

        var active = await host.WaitForCodesAsync(booking.Id, 2, c => c.Status == AccessCodeStatus.Active, "Both codes becoming active after read-back", VendorWait);
        Assert.Equal(created.Codes.Select(c => (c.Id, c.Code)).Order(), active.Codes.Select(c => (c.Id, c.Code)).Order());
        foreach (var code in active.Codes)
        {
            var device = host.DeviceOf(code.SmartLockId);
            Assert.True(cluster.NukiFake.Holds(device, code), $"{AccessCodeText.Describe(code)} vs {cluster.NukiFake.Describe(device)}");
            Assert.Single(cluster.NukiFake.CodesOn(device));
        }

        var locks = await host.PropertyLocks.ListSmartLocksAsync(host.Owner.Id);
        Assert.All(locks, smartLock => Assert.Equal(1, smartLock.ActiveCodes));
    }

    [Fact]
    public async Task CreatingCodesAgainReturnsTheSameCodes()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        var booking = await host.BookAsync(LockStays.InSlot(0));

        var first = await host.CreateCodesAsync(booking.Id);
        var whilePending = await host.CreateCodesAsync(booking.Id);
        await host.WaitForCodesAsync(booking.Id, 2, c => c.Status == AccessCodeStatus.Active, "Both codes becoming active", VendorWait);
        var onceActive = await host.CreateCodesAsync(booking.Id);

        var expected = first.Codes.Select(c => (c.SmartLockId, c.Id, c.Code)).Order().ToList();
        Assert.Equal(expected, whilePending.Codes.Select(c => (c.SmartLockId, c.Id, c.Code)).Order());
        Assert.Equal(expected, onceActive.Codes.Select(c => (c.SmartLockId, c.Id, c.Code)).Order());
        Assert.All(onceActive.Codes, code => Assert.Equal(AccessCodeStatus.Active, code.Status));
        foreach (var (device, _) in host.Locks)
        {
            Assert.Single(cluster.NukiFake.CodesOn(device));
        }
    }

    [Fact]
    public async Task PinsAreUniqueOnEachLock()
    {
        const int Bookings = 15;
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        var bookings = new List<Guid>();
        for (var slot = 0; slot < Bookings; slot++)
        {
            var booking = await host.BookAsync(LockStays.InSlot(slot));
            Assert.Empty((await host.CreateCodesAsync(booking.Id)).FailedSmartLocks);
            bookings.Add(booking.Id);
        }

        var codes = new List<AccessCodeDto>();
        foreach (var bookingId in bookings)
        {
            codes.AddRange((await host.WaitForCodesAsync(bookingId, 2, c => c.Status == AccessCodeStatus.Active, "The booking's codes becoming active", VendorWait)).Codes);
        }

        foreach (var (device, smartLock) in host.Locks)
        {
            var pins = codes.Where(c => c.SmartLockId == smartLock.Id).Select(c => c.Code).ToList();
            Assert.Equal(Bookings, pins.Count);
            Assert.Equal(Bookings, pins.Distinct().Count());
            Assert.Equal(pins.Order(), cluster.NukiFake.CodesOn(device).Select(a => a.Pin()).Order());
        }
    }

    [Fact]
    public async Task RevokingACodeRemovesItFromItsLockOnly()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        var booking = await host.BookAsync(LockStays.InSlot(0));
        await host.CreateCodesAsync(booking.Id);
        var active = await host.WaitForCodesAsync(booking.Id, 2, c => c.Status == AccessCodeStatus.Active, "Both codes becoming active", VendorWait);
        var revoked = active.Codes.Single(c => c.SmartLockId == host.Locks[0].SmartLock.Id);
        var kept = active.Codes.Single(c => c.SmartLockId == host.Locks[1].SmartLock.Id);

        await host.PropertyLocks.RevokeAccessCodeAsync(host.Owner.Id, booking.Id, revoked.Id);

        await Poll.UntilAsync(
            () => cluster.NukiFake.CodeWithPin(host.Locks[0].DeviceId, revoked.Code) is null,
            VendorWait,
            "The revoked code disappearing from the lock",
            () => cluster.NukiFake.Describe(host.Locks[0].DeviceId));
        var after = await Poll.UntilAsync(
            () => host.CodesAsync(booking.Id),
            codes => codes.Codes.Single(c => c.Id == revoked.Id).Status == AccessCodeStatus.Revoked,
            VendorWait,
            "The revoked code showing as revoked",
            AccessCodeText.Describe);
        Assert.Equal(AccessCodeStatus.Active, after.Codes.Single(c => c.Id == kept.Id).Status);
        Assert.True(cluster.NukiFake.Holds(host.Locks[1].DeviceId, kept), cluster.NukiFake.Describe(host.Locks[1].DeviceId));

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => host.PropertyLocks.RevokeAccessCodeAsync(host.Owner.Id, booking.Id, Guid.NewGuid()));
        Assert.Equal("accesscode.not_found", unknown.Code);
        var otherBooking = await host.BookAsync(LockStays.InSlot(1));
        var notItsCode = await Assert.ThrowsAsync<NotFoundException>(() => host.PropertyLocks.RevokeAccessCodeAsync(host.Owner.Id, otherBooking.Id, kept.Id));
        Assert.Equal("accesscode.not_found", notItsCode.Code);
        Assert.True(cluster.NukiFake.Holds(host.Locks[1].DeviceId, kept), cluster.NukiFake.Describe(host.Locks[1].DeviceId));
    }

    [Fact]
    public async Task CancellingTheBookingRevokesItsCodes()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        var booking = await host.BookAsync(LockStays.InSlot(0));
        await host.CreateCodesAsync(booking.Id);
        await host.WaitForCodesAsync(booking.Id, 2, c => c.Status == AccessCodeStatus.Active, "Both codes becoming active", VendorWait);

        await host.UpdateBookingAsync(booking.Id, LockStays.Cancel);

        await Poll.UntilAsync(
            () => host.Locks.All(l => cluster.NukiFake.CodesOn(l.DeviceId).Count == 0),
            VendorWait,
            "The cancelled booking's codes disappearing from both locks",
            () => string.Join(" | ", host.Locks.Select(l => cluster.NukiFake.Describe(l.DeviceId))));
        await host.WaitForCodesAsync(booking.Id, 2, c => c.Status == AccessCodeStatus.Revoked, "Both codes showing as revoked", VendorWait);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => host.CreateCodesAsync(booking.Id));
        Assert.Equal("booking.cancelled", refused.Code);
    }

    [Fact]
    public async Task ChangingTheDatesMovesTheWindowOnTheLock()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        var booking = await host.BookAsync(LockStays.InSlot(0));
        await host.CreateCodesAsync(booking.Id);
        var before = await host.WaitForCodesAsync(booking.Id, 2, c => c.Status == AccessCodeStatus.Active, "Both codes becoming active", VendorWait);
        var authIds = before.Codes.ToDictionary(c => c.Id, c => cluster.NukiFake.CodeWithPin(host.DeviceOf(c.SmartLockId), c.Code)!.Id);

        var moved = await host.UpdateBookingAsync(booking.Id, LockStays.MoveInSlot(0, 1));
        Assert.NotEqual(booking.ArrivalAt, moved.ArrivalAt);

        var after = await Poll.UntilAsync(
            () => host.CodesAsync(booking.Id),
            codes => codes.Codes.Length == 2 && codes.Codes.All(c =>
                c.Status == AccessCodeStatus.Active && c.ValidFrom == moved.ArrivalAt && c.ValidTo == moved.DepartureAt
                && cluster.NukiFake.Holds(host.DeviceOf(c.SmartLockId), c)),
            VendorWait,
            "The codes' windows moving to the new dates at Kasify and on the locks",
            codes => AccessCodeText.Describe(codes) + " | " + string.Join(" | ", host.Locks.Select(l => cluster.NukiFake.Describe(l.DeviceId))));

        // Moved, not replaced: same Kasify codes, same PINs, same auths at Nuki.
        Assert.Equal(before.Codes.Select(c => (c.Id, c.Code)).Order(), after.Codes.Select(c => (c.Id, c.Code)).Order());
        Assert.All(after.Codes, c => Assert.Equal(authIds[c.Id], cluster.NukiFake.CodeWithPin(host.DeviceOf(c.SmartLockId), c.Code)!.Id));
    }

    [Fact]
    public async Task ALockWithAHundredCodesIsReportedFullWithoutFailingTheOthers()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        var (fullDevice, fullLock) = host.Locks[0];
        await NukiFakeCodes.FillAsync(cluster.Nuki, host.Token, fullDevice, 100);
        var booking = await host.BookAsync(LockStays.InSlot(0));

        var created = await host.CreateCodesAsync(booking.Id);

        var failure = Assert.Single(created.FailedSmartLocks);
        Assert.Equal((fullLock.Id, fullLock.Name, "smartlock.full"), (failure.SmartLockId, failure.Name, failure.Error));
        Assert.DoesNotContain(created.Codes, c => c.SmartLockId == fullLock.Id && c.Status is AccessCodeStatus.Pending or AccessCodeStatus.Active);
        var open = Assert.Single(created.Codes, c => c.SmartLockId == host.Locks[1].SmartLock.Id);
        await Poll.UntilAsync(
            () => cluster.NukiFake.Holds(host.Locks[1].DeviceId, open),
            VendorWait,
            "The code on the lock with room",
            () => cluster.NukiFake.Describe(host.Locks[1].DeviceId));
        Assert.Equal(100, cluster.NukiFake.CodesOn(fullDevice).Count);
        Assert.DoesNotContain(cluster.NukiFake.CodesOn(fullDevice), auth => created.Codes.Any(c => c.Code == auth.Pin() && c.SmartLockId == fullLock.Id));
    }

    [Fact]
    public async Task RemovingALockRevokesItsCodesAndFreesTheDevice()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        var booking = await host.BookAsync(LockStays.InSlot(0));
        await host.CreateCodesAsync(booking.Id);
        await host.WaitForCodesAsync(booking.Id, 2, c => c.Status == AccessCodeStatus.Active, "Both codes becoming active", VendorWait);
        var (removedDevice, removed) = host.Locks[0];

        await host.PropertyLocks.RemoveSmartLockAsync(host.Owner.Id, removed.Id);

        await Poll.UntilAsync(
            () => cluster.NukiFake.CodesOn(removedDevice).Count == 0,
            VendorWait,
            "The removed lock's code disappearing from it",
            () => cluster.NukiFake.Describe(removedDevice));
        Assert.Equal(host.Locks[1].SmartLock.Id, Assert.Single(await host.PropertyLocks.ListSmartLocksAsync(host.Owner.Id)).Id);
        Assert.Single(cluster.NukiFake.CodesOn(host.Locks[1].DeviceId));
        var devices = await cluster.Grains.GetGrain<IIntegrationGrain>(host.Integration.Id).ListDevicesAsync(host.Owner.Id, IntegrationType.Nuki);
        Assert.Null(devices.Devices.Single(d => d.ExternalId == NukiHost.ExternalId(removedDevice)).Assignment);
    }
}
