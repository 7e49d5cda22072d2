using Kasify.Grains.Interfaces.Errors;
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

    [Fact]
    public async Task LocksAddedAndRemovedWhileACodeIsRevokedEndWithEveryDeviceRight()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 3);
        var booking = await host.BookAsync(LockStays.InSlot(2));
        var created = await host.CreateCodesAsync(booking.Id);
        await host.WaitForCodesAsync(booking.Id, 3, code => code.Status == AccessCodeStatus.Active, "the three codes becoming active", TimeSpan.FromSeconds(15));
        var revoked = created.Codes.Single(code => code.SmartLockId == host.Locks[0].SmartLock.Id);
        var device = NukiHost.NewDeviceId();
        cluster.NukiFake.AddSmartlock(host.Token, device, "Garage");
        cluster.NukiFake.AddAccount(host.Token).LatencyMs = SlowVendorMs;
        try
        {
            // The revocation walks the property's locks while the vendor holds it; the lock set changes meanwhile.
            var revoking = host.PropertyLocks.RevokeAccessCodeAsync(host.Owner.Id, booking.Id, revoked.Id);
            var removing = host.PropertyLocks.RemoveSmartLockAsync(host.Owner.Id, host.Locks[1].SmartLock.Id);
            var adding = host.PropertyLocks.AddSmartLockAsync(host.Owner.Id, new AssignSmartLock(host.Integration.Id, NukiHost.ExternalId(device), null));
            await Task.WhenAll(revoking, adding);
            await RemovedOrToldToRetryAsync(removing);
        }
        finally
        {
            cluster.NukiFake.AddAccount(host.Token).LatencyMs = 0;
        }

        // A removal whose revocations the slow vendor did not confirm in time is refused (503) and done again, as a client
        // would, until the vendor has confirmed them (on a busy machine that can take more than one more try).
        var removeBy = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await host.PropertyLocks.ListSmartLocksAsync(host.Owner.Id)).Any(smartLock => smartLock.Id == host.Locks[1].SmartLock.Id))
        {
            Assert.True(DateTime.UtcNow < removeBy, "The lock could not be removed within 15 s of the vendor answering at normal speed again.");
            await RemovedOrToldToRetryAsync(host.PropertyLocks.RemoveSmartLockAsync(host.Owner.Id, host.Locks[1].SmartLock.Id));
        }

        // The vendor confirms the revocation by a read-back a moment later.
        var codes = await Poll.UntilAsync(
            () => host.CodesAsync(booking.Id),
            found => found.Codes.Any(code => code.Id == revoked.Id && code.Status == AccessCodeStatus.Revoked),
            TimeSpan.FromSeconds(15),
            "the revoked code confirmed",
            AccessCodeText.Describe);
        Assert.DoesNotContain(codes.Codes, code => code.SmartLockId == host.Locks[1].SmartLock.Id);
        var kept = Assert.Single(codes.Codes, code => code.SmartLockId == host.Locks[2].SmartLock.Id);
        foreach (var (freed, _) in host.Locks.Take(2))
        {
            await Poll.UntilAsync(
                () => cluster.NukiFake.CodesOn(freed).Count == 0, TimeSpan.FromSeconds(15), "the code leaving a device", () => cluster.NukiFake.Describe(freed));
        }

        Assert.Single(cluster.NukiFake.CodesOn(host.Locks[2].DeviceId), auth => auth.Pin() == kept.Code);
        var locks = await host.PropertyLocks.ListSmartLocksAsync(host.Owner.Id);
        Assert.Equal(3, locks.Length);
        Assert.DoesNotContain(locks, smartLock => smartLock.Id == host.Locks[1].SmartLock.Id);
    }

    private static async Task RemovedOrToldToRetryAsync(Task removing)
    {
        try
        {
            await removing;
        }
        catch (IntegrationUnavailableException)
        {
            // The documented answer to a vendor that is still revoking: the lock stays assigned until removed again.
        }
    }
}
