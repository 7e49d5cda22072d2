using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// Codes whose vendor write cannot happen now (lock offline, Nuki failing) stay pending and are put on the lock by the
/// <c>retry-codes</c> reminder once it can, with no further call; revocations are retried the same way.
/// </summary>
public sealed class AccessCodeRetryTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    private static readonly TimeSpan RetryWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ACodeForAnOfflineLockIsPutOnItWhenItComesBack()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var device = host.Locks[0].DeviceId;
        cluster.NukiFake.UpdateSmartlock(device, offline: true);
        var booking = await host.BookAsync(LockStays.InSlot(0));

        var created = await host.CreateCodesAsync(booking.Id);

        Assert.Empty(created.FailedSmartLocks);
        var code = Assert.Single(created.Codes);
        Assert.Equal(AccessCodeStatus.Pending, code.Status);

        // The offline lock drops what Nuki sends it: the code stays pending, whatever the reminders try.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(AccessCodeStatus.Pending, Assert.Single((await host.CodesAsync(booking.Id)).Codes).Status);
        Assert.Empty(cluster.NukiFake.CodesOn(device));

        cluster.NukiFake.UpdateSmartlock(device, offline: false);

        var active = await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Active, "The pending code becoming active once the lock is back", RetryWait);
        Assert.Equal((code.Id, code.Code), (active.Codes[0].Id, active.Codes[0].Code));
        Assert.True(cluster.NukiFake.Holds(device, active.Codes[0]), cluster.NukiFake.Describe(device));
        Assert.Single(cluster.NukiFake.CodesOn(device));
    }

    [Fact]
    public async Task ACodeCreatedWhileNukiFailsIsRetriedUntilItIsActive()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        var booking = await host.BookAsync(LockStays.InSlot(0));

        BookingAccessCodes created;
        cluster.NukiFake.Options.ErrorRate = 1;
        try
        {
            created = await host.CreateCodesAsync(booking.Id);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var stillPending = await host.CodesAsync(booking.Id);
            Assert.All(stillPending.Codes, c => Assert.Equal(AccessCodeStatus.Pending, c.Status));
            Assert.All(host.Locks, l => Assert.Empty(cluster.NukiFake.CodesOn(l.DeviceId)));
        }
        finally
        {
            cluster.NukiFake.Options.ErrorRate = 0;
        }

        Assert.Empty(created.FailedSmartLocks);
        Assert.Equal(2, created.Codes.Length);
        Assert.All(created.Codes, c => Assert.Equal(AccessCodeStatus.Pending, c.Status));

        var active = await host.WaitForCodesAsync(booking.Id, 2, c => c.Status == AccessCodeStatus.Active, "The pending codes becoming active once Nuki answers", RetryWait);
        Assert.Equal(created.Codes.Select(c => (c.Id, c.Code)).Order(), active.Codes.Select(c => (c.Id, c.Code)).Order());
        foreach (var code in active.Codes)
        {
            var device = host.DeviceOf(code.SmartLockId);
            Assert.True(cluster.NukiFake.Holds(device, code), cluster.NukiFake.Describe(device));
            Assert.Single(cluster.NukiFake.CodesOn(device));
        }
    }

    [Fact]
    public async Task ARevocationWhileNukiFailsIsRetriedUntilTheCodeIsGone()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var device = host.Locks[0].DeviceId;
        var booking = await host.BookAsync(LockStays.InSlot(0));
        await host.CreateCodesAsync(booking.Id);
        var code = Assert.Single((await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Active, "The code becoming active", RetryWait)).Codes);

        cluster.NukiFake.Options.ErrorRate = 1;
        try
        {
            try
            {
                await host.PropertyLocks.RevokeAccessCodeAsync(host.Owner.Id, booking.Id, code.Id);
            }
            catch (IntegrationUnavailableException unavailable)
            {
                // Allowed: the vendor could not confirm now; the revocation must still be carried on below.
                Assert.Equal("integration.unreachable", unavailable.Code);
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.Equal(AccessCodeStatus.Revoking, Assert.Single((await host.CodesAsync(booking.Id)).Codes).Status);
            Assert.NotNull(cluster.NukiFake.CodeWithPin(device, code.Code));
        }
        finally
        {
            cluster.NukiFake.Options.ErrorRate = 0;
        }

        await Poll.UntilAsync(
            () => cluster.NukiFake.CodeWithPin(device, code.Code) is null,
            RetryWait,
            "The code disappearing from the lock once Nuki answers",
            () => cluster.NukiFake.Describe(device));
        await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Revoked, "The code showing as revoked", RetryWait);
    }

    [Fact]
    public async Task ARevocationWhileTheLockIsOfflineIsCompletedWhenItIsBack()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var device = host.Locks[0].DeviceId;
        var booking = await host.BookAsync(LockStays.InSlot(0));
        await host.CreateCodesAsync(booking.Id);
        var code = Assert.Single((await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Active, "The code becoming active", RetryWait)).Codes);

        // Nuki answers the delete with 204 but the offline lock drops it: the code is still on the lock.
        cluster.NukiFake.UpdateSmartlock(device, offline: true);
        await host.PropertyLocks.RevokeAccessCodeAsync(host.Owner.Id, booking.Id, code.Id);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.NotNull(cluster.NukiFake.CodeWithPin(device, code.Code));
        Assert.Equal(AccessCodeStatus.Revoking, Assert.Single((await host.CodesAsync(booking.Id)).Codes).Status);

        cluster.NukiFake.UpdateSmartlock(device, offline: false);

        await Poll.UntilAsync(
            async () => (Gone: cluster.NukiFake.CodeWithPin(device, code.Code) is null, Kasify: await host.CodesAsync(booking.Id)),
            seen => seen.Gone,
            RetryWait,
            "The revoked code disappearing from the lock once it is back online",
            seen => cluster.NukiFake.Describe(device) + " | Kasify: " + AccessCodeText.Describe(seen.Kasify));
        await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Revoked, "The code showing as revoked", RetryWait);
    }

    [Fact]
    public async Task AMoveWhileTheLockIsOfflineReachesItWhenItIsBack()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var device = host.Locks[0].DeviceId;
        var booking = await host.BookAsync(LockStays.InSlot(0));
        await host.CreateCodesAsync(booking.Id);
        await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Active, "The code becoming active", RetryWait);

        // Nuki answers the update with 204 but the offline lock drops it: the lock keeps the old window.
        cluster.NukiFake.UpdateSmartlock(device, offline: true);
        var moved = await host.UpdateBookingAsync(booking.Id, LockStays.MoveInSlot(0, 1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var whileOffline = Assert.Single((await host.CodesAsync(booking.Id)).Codes);
        Assert.False(
            whileOffline.Status == AccessCodeStatus.Active && !cluster.NukiFake.Holds(device, whileOffline),
            $"Kasify shows {AccessCodeText.Describe(whileOffline)} as active, but {cluster.NukiFake.Describe(device)}");

        cluster.NukiFake.UpdateSmartlock(device, offline: false);

        await Poll.UntilAsync(
            () => host.CodesAsync(booking.Id),
            codes => codes.Codes.Length == 1 && codes.Codes[0].Status == AccessCodeStatus.Active
                && codes.Codes[0].ValidFrom == moved.ArrivalAt && cluster.NukiFake.Holds(device, codes.Codes[0]),
            RetryWait,
            "The moved window reaching the lock once it is back online",
            codes => AccessCodeText.Describe(codes) + " | " + cluster.NukiFake.Describe(device));
    }
}
