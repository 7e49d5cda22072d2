using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// Lock work survives a silo restart: the cluster is stopped and a new one started on the same SQLite database, and
/// the durable reminders still expire codes on time and still put pending codes on their lock.
/// </summary>
public sealed class AccessCodeRestartTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    [Fact]
    public async Task ACodeIsStillRemovedOnTimeAfterASiloRestart()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var device = host.Locks[0].DeviceId;
        var booking = await host.BookAsync(LockStays.EndingIn(TimeSpan.FromSeconds(20)));
        await host.CreateCodesAsync(booking.Id);
        var code = Assert.Single((await host.WaitForCodesAsync(
            booking.Id, 1, c => c.Status == AccessCodeStatus.Active, "The code becoming active", TimeSpan.FromSeconds(10))).Codes);

        await cluster.RestartAsync();

        Assert.True(DateTimeOffset.UtcNow < booking.DepartureAt - TimeSpan.FromSeconds(2), $"The restart ended at {DateTimeOffset.UtcNow:O}, too close to the stay's end {booking.DepartureAt:O} for the test to mean anything.");
        var reloaded = Assert.Single((await host.CodesAsync(booking.Id)).Codes);
        Assert.Equal((code.Id, code.Code, code.Status, code.ValidFrom, code.ValidTo), (reloaded.Id, reloaded.Code, reloaded.Status, reloaded.ValidFrom, reloaded.ValidTo));
        Assert.True(cluster.NukiFake.Holds(device, code), cluster.NukiFake.Describe(device));

        await ExpiryWatch.WaitUntilRevokedAtEndAsync(cluster, device, code);
        await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Revoked, "The expired code showing as revoked", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task APendingCodeIsStillPutOnTheLockAfterASiloRestart()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var device = host.Locks[0].DeviceId;
        cluster.NukiFake.UpdateSmartlock(device, offline: true);
        var booking = await host.BookAsync(LockStays.InSlot(0));
        var code = Assert.Single((await host.CreateCodesAsync(booking.Id)).Codes);
        Assert.Equal(AccessCodeStatus.Pending, code.Status);

        await cluster.RestartAsync();
        cluster.NukiFake.UpdateSmartlock(device, offline: false);

        var active = await host.WaitForCodesAsync(
            booking.Id, 1, c => c.Status == AccessCodeStatus.Active, "The pending code becoming active after the restart", TimeSpan.FromSeconds(20));
        Assert.Equal((code.Id, code.Code), (active.Codes[0].Id, active.Codes[0].Code));
        Assert.True(cluster.NukiFake.Holds(device, active.Codes[0]), cluster.NukiFake.Describe(device));
        Assert.Single(cluster.NukiFake.CodesOn(device));
    }
}
