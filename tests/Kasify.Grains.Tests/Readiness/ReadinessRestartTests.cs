using Kasify.Grains.Interfaces.Readiness;

namespace Kasify.Grains.Tests.Readiness;

/// <summary>The checks after a silo restart still run on time: the reminder is durable and the arrivals are stored.</summary>
public sealed class ReadinessRestartTests(ReadinessCluster cluster) : IClassFixture<ReadinessCluster>
{
    [Fact]
    public async Task TheLaterChecksStillRunAfterASiloRestartAndTheFailureKeepsItsOneTask()
    {
        var host = await ReadinessHost.CreateAsync(cluster, lockCount: 1);
        var door1 = host.Locks[0].SmartLock.Id;
        cluster.NukiFake.UpdateSmartlock(host.Locks[0].DeviceId, offline: true);
        await host.WaitForLockAsync(door1, status => status.Online == false, "Door 1 reading offline");
        var booking = await host.BookArrivingAtAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(50));
        var first = await host.WaitForOffsetAsync(booking.Id, "45s");
        await host.SettledAsync();
        var firstTask = ReadinessHost.Check(await host.Readiness.GetBookingReadinessAsync(host.Owner.Id, booking.Id), ReadinessCheckKind.LockOnline, door1).TaskId;

        await cluster.RestartAsync();

        Assert.True(DateTimeOffset.UtcNow < booking.ArrivalAt - ReadinessCluster.Offsets[2], "The restart took too long for the test to mean anything.");
        var last = await host.WaitForOffsetAsync(booking.Id, "15s");
        await host.SettledAsync();

        var online = ReadinessHost.Check(last, ReadinessCheckKind.LockOnline, door1);
        Assert.Equal(ReadinessCheckStatus.Failed, online.Status);
        Assert.True(online.EvaluatedAt > ReadinessHost.Check(first, ReadinessCheckKind.LockOnline, door1).EvaluatedAt);
        Assert.NotNull(firstTask);
        Assert.Equal(firstTask, online.TaskId);
        Assert.Single(await host.MaintenanceTasksAsync());
    }
}
