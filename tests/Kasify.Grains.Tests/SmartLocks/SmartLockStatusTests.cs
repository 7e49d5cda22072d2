using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// Smart locks on a property: a device is assigned to one property only, its live status is kept by the
/// <c>refresh-status</c> reminder, and changes a host should notice reach the property's activity feed.
/// </summary>
public sealed class SmartLockStatusTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    private static readonly TimeSpan StatusWait = TimeSpan.FromSeconds(10);

    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task ADeviceIsAssignedToOnePropertyOnly()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var (device, assigned) = host.Locks[0];

        Assert.Equal(
            (host.PropertyId, host.Integration.Id, IntegrationType.Nuki, NukiHost.ExternalId(device), "Door 1", 0),
            (assigned.PropertyId, assigned.IntegrationId, assigned.Provider, assigned.ExternalId, assigned.Name, assigned.ActiveCodes));
        Assert.Equal(assigned.Id, Assert.Single(await host.PropertyLocks.ListSmartLocksAsync(host.Owner.Id)).Id);

        var other = Grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await other.CreateAsync(host.Owner.Id, PropertyGrainTests.Details("Casa Verde"));
        var taken = await Assert.ThrowsAsync<ConflictException>(() =>
            Grains.GetGrain<IPropertyLocksGrain>(other.GetPrimaryKey()).AddSmartLockAsync(host.Owner.Id, new AssignSmartLock(host.Integration.Id, NukiHost.ExternalId(device), "Mine too")));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() =>
            Grains.GetGrain<IPropertyLocksGrain>(other.GetPrimaryKey()).AddSmartLockAsync(host.Owner.Id, new AssignSmartLock(host.Integration.Id, "42", null)));

        Assert.Equal("smartlock.assigned", taken.Code);
        Assert.Equal("smartlock.device_not_found", unknown.Code);
        Assert.Empty(await Grains.GetGrain<IPropertyLocksGrain>(other.GetPrimaryKey()).ListSmartLocksAsync(host.Owner.Id));
        var devices = await Grains.GetGrain<IIntegrationGrain>(host.Integration.Id).ListDevicesAsync(host.Owner.Id, IntegrationType.Nuki);
        Assert.Equal(new DeviceAssignment(host.PropertyId, assigned.Id), Assert.Single(devices.Devices).Assignment);
    }

    [Fact]
    public async Task AssigningReadsTheLiveStatusOnce()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var status = host.Locks[0].SmartLock.Status;

        Assert.Equal(("locked", "closed", 80, false, true), (status.LockState, status.DoorState, status.BatteryCharge, status.BatteryCritical, status.Online));
        Assert.NotNull(status.CheckedAt);
        Assert.False(status.Stale);
    }

    [Fact]
    public async Task TheReminderKeepsTheStatusCurrentWithoutAnyCaller()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var device = host.Locks[0].DeviceId;
        var changedAt = DateTimeOffset.UtcNow;
        cluster.NukiFake.UpdateSmartlock(device, batteryCharge: 42, lockState: 3);

        // Nobody asks Kasify for a few refresh periods; then Nuki stops answering, so a read cannot refresh by itself
        // and can only show what the reminder stored.
        await Task.Delay(TimeSpan.FromSeconds(4));
        cluster.NukiFake.FailNext(100_000, 503);
        ImmutableArray<SmartLockDto> locks;
        try
        {
            locks = await host.PropertyLocks.ListSmartLocksAsync(host.Owner.Id);
        }
        finally
        {
            cluster.NukiFake.FailNext(0);
        }

        var status = Assert.Single(locks).Status;
        Assert.Equal(("unlocked", 42), (status.LockState, status.BatteryCharge));
        Assert.True(status.CheckedAt > changedAt, $"Checked at {status.CheckedAt:O}, changed at the vendor at {changedAt:O}.");
    }

    [Fact]
    public async Task AReadShowsAVendorChangeWithinSeconds()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var device = host.Locks[0].DeviceId;

        cluster.NukiFake.UpdateSmartlock(device, batteryCharge: 17, batteryCritical: true, lockState: 5);

        var status = await Poll.UntilAsync(
            async () => Assert.Single(await host.PropertyLocks.ListSmartLocksAsync(host.Owner.Id)).Status,
            s => s.BatteryCharge == 17,
            StatusWait,
            "The new battery charge showing in the property's locks");
        Assert.Equal(("unlatched", true, true, false), (status.LockState, status.BatteryCritical, status.Online, status.Stale));
    }

    [Fact]
    public async Task OfflineBackOnlineAndCriticalBatteryReachTheActivityFeedOnce()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var device = host.Locks[0].DeviceId;
        var feed = Grains.GetGrain<IActivityFeedGrain>(host.PropertyId);

        cluster.NukiFake.UpdateSmartlock(device, offline: true);
        await WaitForEntryAsync(feed, ActivityKind.SmartLockOffline);
        var offline = await Poll.UntilAsync(
            async () => Assert.Single(await host.PropertyLocks.ListSmartLocksAsync(host.Owner.Id)).Status,
            s => s.Online == false,
            StatusWait,
            "The lock showing offline");
        Assert.False(offline.Online);

        cluster.NukiFake.UpdateSmartlock(device, offline: false);
        await WaitForEntryAsync(feed, ActivityKind.SmartLockOnline);

        cluster.NukiFake.UpdateSmartlock(device, batteryCharge: 8, batteryCritical: true);
        await WaitForEntryAsync(feed, ActivityKind.SmartLockBatteryCritical);

        // Several refreshes later each change is still reported once, not on every refresh.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var entries = await feed.GetLatestAsync(null, 100);
        var lockEntries = entries.Where(e => e.Kind is ActivityKind.SmartLockOffline or ActivityKind.SmartLockOnline or ActivityKind.SmartLockBatteryCritical).ToList();
        Assert.Equal(
            [ActivityKind.SmartLockBatteryCritical, ActivityKind.SmartLockOnline, ActivityKind.SmartLockOffline],
            lockEntries.Select(e => e.Kind));
        Assert.All(lockEntries, entry =>
        {
            Assert.Equal(host.PropertyId, entry.PropertyId);
            Assert.Null(entry.BookingId);
            Assert.Null(entry.ActorUserId);
            Assert.False(string.IsNullOrWhiteSpace(entry.Summary));
        });
    }

    private static Task<ImmutableArray<ActivityEntry>> WaitForEntryAsync(IActivityFeedGrain feed, ActivityKind kind) =>
        Poll.UntilAsync(
            () => feed.GetLatestAsync(null, 100),
            entries => entries.Any(e => e.Kind == kind),
            StatusWait,
            $"A {kind} entry in the activity feed",
            entries => string.Join(", ", entries.Select(e => e.Kind)));
}
