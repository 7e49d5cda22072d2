using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// Smart locks have a grain of their own per property, and it is reentrant: an owner adding a lock while the vendor is
/// slow holds up neither the property nor the property's other lock and code work.
/// </summary>
public sealed class PropertyLocksInterleavingTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    // Below the lock cluster's per-attempt timeout (2 s), so the add succeeds, slowly.
    private const int SlowVendorMs = 1_500;

    [Fact]
    public async Task ASlowVendorAddingALockHoldsUpNeitherThePropertyNorItsCodes()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var booking = await host.BookAsync(LockStays.InSlot(1));
        var device = NukiHost.NewDeviceId();
        cluster.NukiFake.AddSmartlock(host.Token, device, "Back door");
        cluster.NukiFake.AddAccount(host.Token).LatencyMs = SlowVendorMs;
        try
        {
            var adding = host.PropertyLocks.AddSmartLockAsync(host.Owner.Id, new AssignSmartLock(host.Integration.Id, NukiHost.ExternalId(device), null));

            // Each of these is answered while the vendor still holds the add.
            var read = await host.Property.GetAsync(host.Owner.Id);
            var moved = await host.UpdateBookingAsync(booking.Id, LockStays.MoveInSlot(1, shift: 1));
            var codes = await host.CodesAsync(booking.Id);
            var locks = await host.PropertyLocks.ListSmartLocksAsync(host.Owner.Id);

            Assert.False(adding.IsCompleted, "the add finished before the reads; the vendor was not slow enough to show anything");
            Assert.NotNull(read);
            Assert.Equal(LockStays.InSlot(1, shift: 1).From, moved.Details.From);
            Assert.Empty(codes.Codes);
            Assert.Single(locks);
            var added = await adding;
            Assert.Contains(added.Id, (await host.PropertyLocks.ListSmartLocksAsync(host.Owner.Id)).Select(smartLock => smartLock.Id));
        }
        finally
        {
            cluster.NukiFake.AddAccount(host.Token).LatencyMs = 0;
        }
    }
}
