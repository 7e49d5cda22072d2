using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// The <c>expire-codes</c> reminder: Nuki keeps expired codes, so Kasify removes each code from the lock within a few
/// seconds of its window's end (never before), and a stay that ended takes no new codes.
/// </summary>
public sealed class AccessCodeExpiryTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    [Fact]
    public async Task ACodeIsRemovedFromTheLockWhenTheStayEnds()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        var ending = await host.BookAsync(LockStays.EndingIn(TimeSpan.FromSeconds(8)));
        var later = await host.BookAsync(LockStays.InSlot(0));
        await host.CreateCodesAsync(ending.Id);
        await host.CreateCodesAsync(later.Id);
        var active = await host.WaitForCodesAsync(
            ending.Id, 2, c => c.Status == AccessCodeStatus.Active, "The ending stay's codes becoming active", ending.DepartureAt - DateTimeOffset.UtcNow);
        Assert.All(active.Codes, c => Assert.Equal(ending.DepartureAt, c.ValidTo));

        foreach (var code in active.Codes)
        {
            await ExpiryWatch.WaitUntilRevokedAtEndAsync(cluster, host.DeviceOf(code.SmartLockId), code);
        }

        await host.WaitForCodesAsync(ending.Id, 2, c => c.Status == AccessCodeStatus.Revoked, "The expired codes showing as revoked", TimeSpan.FromSeconds(5));
        var ended = await Assert.ThrowsAsync<ConflictException>(() => host.CreateCodesAsync(ending.Id));
        Assert.Equal("booking.ended", ended.Code);

        // The next stay's codes are untouched by the expiry.
        var next = await host.WaitForCodesAsync(later.Id, 2, c => c.Status == AccessCodeStatus.Active, "The later stay's codes staying active", TimeSpan.FromSeconds(5));
        Assert.All(next.Codes, c => Assert.True(cluster.NukiFake.Holds(host.DeviceOf(c.SmartLockId), c), cluster.NukiFake.Describe(host.DeviceOf(c.SmartLockId))));
    }
}
