using System.Diagnostics.Metrics;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Readiness;
using Kasify.Grains.Tests.SmartLocks;

namespace Kasify.Grains.Tests.Readiness;

/// <summary>
/// Arrival readiness against the Nuki fake with checks 45, 30 and 15 seconds before check-in: healthy locks pass, a
/// low battery warns at the first check only, an offline lock or a critical battery fails with one maintenance task,
/// one feed entry, one email and a backup code on the healthy lock however many checks see it fail, and a lock that
/// comes back is reported recovered.
/// </summary>
public sealed class ArrivalReadinessTests(ReadinessCluster cluster) : IClassFixture<ReadinessCluster>
{
    [Fact]
    public async Task AHealthyArrivalPassesItsLockChecksAndALowBatteryWarnsOnlyAtTheFirstCheck()
    {
        var host = await ReadinessHost.CreateAsync(cluster, lockCount: 2);
        var (door1, door2) = (host.Locks[0].SmartLock.Id, host.Locks[1].SmartLock.Id);
        cluster.NukiFake.UpdateSmartlock(host.Locks[1].DeviceId, batteryCharge: 20);
        await host.WaitForLockAsync(door2, status => status.BatteryCharge == 20, "Door 2 reading its low battery");
        var booking = await host.BookArrivingAtAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(52));
        await host.CreateCodesAsync(booking.Id);

        var first = await host.WaitForOffsetAsync(booking.Id, "45s");

        Assert.Equal(ReadinessCheckStatus.Ok, ReadinessHost.Check(first, ReadinessCheckKind.LockOnline, door1).Status);
        Assert.Equal(ReadinessCheckStatus.Ok, ReadinessHost.Check(first, ReadinessCheckKind.LockOnline, door2).Status);
        Assert.Equal(ReadinessCheckStatus.Ok, ReadinessHost.Check(first, ReadinessCheckKind.LockBattery, door1).Status);
        Assert.Equal(ReadinessCheckStatus.Warning, ReadinessHost.Check(first, ReadinessCheckKind.LockBattery, door2).Status);
        Assert.Equal(ReadinessCheckStatus.Ok, ReadinessHost.Check(first, ReadinessCheckKind.AccessCode, door1).Status);
        Assert.Equal(ReadinessCheckStatus.Ok, ReadinessHost.Check(first, ReadinessCheckKind.AccessCode, door2).Status);
        Assert.Equal(ReadinessCheckStatus.Pending, ReadinessHost.Check(first, ReadinessCheckKind.Cleaning).Status);
        Assert.Equal(ReadinessCheckStatus.Warning, ReadinessHost.Check(first, ReadinessCheckKind.Checkin).Status);
        Assert.DoesNotContain(first.Checks, check => check.Kind == ReadinessCheckKind.SesReport);
        Assert.Equal(booking.ArrivalAt - ReadinessCluster.Offsets[1], first.NextCheckAt);

        var last = await host.WaitForOffsetAsync(booking.Id, "15s");

        Assert.Equal(ReadinessCheckStatus.Ok, ReadinessHost.Check(last, ReadinessCheckKind.LockBattery, door2).Status);
        Assert.Equal(ReadinessCheckStatus.Ok, ReadinessHost.Check(last, ReadinessCheckKind.Cleaning).Status);
        Assert.Equal(ReadinessCheckStatus.Failed, ReadinessHost.Check(last, ReadinessCheckKind.Checkin).Status);
        Assert.Null(last.NextCheckAt);
        Assert.All(last.Checks.Where(check => check.SmartLockId is not null), check => Assert.Null(check.TaskId));
        Assert.Empty(await host.MaintenanceTasksAsync());
    }

    [Fact]
    public async Task AnOfflineLockGetsOneTaskOneEmailAndABackupCodeAlthoughEveryCheckFails()
    {
        using var failures = new FailureCounter();
        var host = await ReadinessHost.CreateAsync(cluster, lockCount: 2);
        var (door1, door2) = (host.Locks[0].SmartLock.Id, host.Locks[1].SmartLock.Id);
        cluster.NukiFake.UpdateSmartlock(host.Locks[0].DeviceId, offline: true);
        await host.WaitForLockAsync(door1, status => status.Online == false, "Door 1 reading offline");
        var booking = await host.BookArrivingAtAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(52));
        await host.CreateCodesAsync(booking.Id);

        var last = await host.WaitForOffsetAsync(booking.Id, "15s");
        await host.SettledAsync();
        last = await host.Readiness.GetBookingReadinessAsync(host.Owner.Id, booking.Id);

        var online = ReadinessHost.Check(last, ReadinessCheckKind.LockOnline, door1);
        Assert.Equal(ReadinessCheckStatus.Failed, online.Status);
        Assert.Equal((door2, "Door 2", "active"), (online.BackupSmartLockId, online.BackupSmartLockName, online.BackupCodeStatus));
        Assert.False(online.TaskReasonResolved);
        Assert.Equal(ReadinessCheckStatus.Ok, ReadinessHost.Check(last, ReadinessCheckKind.LockOnline, door2).Status);

        var task = Assert.Single(await host.MaintenanceTasksAsync());
        Assert.Equal(online.TaskId, task.Id);
        Assert.Equal((booking.Id, host.Owner.Id, booking.ArrivalAt, CrewTaskStatus.Pending), (task.BookingId, task.AssignedTo, task.To, task.Status));
        Assert.StartsWith("Door 1 is offline", task.Notes, StringComparison.Ordinal);
        Assert.Single(await host.FeedAsync(ActivityKind.ReadinessFailed));

        var mailId = ReadinessMails.IdFor(host.PropertyId, booking.Id, ReadinessRules.Key(ReadinessCheckKind.LockOnline, door1), host.Owner.Id);
        var mails = await Poll.UntilAsync(
            () => Task.FromResult(Directory.Exists(cluster.Options.Email.PickupDirectory)
                ? Directory.GetFiles(cluster.Options.Email.PickupDirectory, $"*-{mailId:N}.eml") : []),
            files => files.Length > 0, TimeSpan.FromSeconds(15), "The owner's readiness email");
        var message = await MimeKit.MimeMessage.LoadAsync(Assert.Single(mails));
        Assert.Contains("Door 1", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Door 2", message.TextBody, StringComparison.Ordinal); // where the backup code is

        var backup = cluster.NukiFake.CodesOn(host.Locks[1].DeviceId);
        Assert.Single(backup);
        Assert.True(failures.Count("lock_online") >= 3, $"Failed lock_online checks counted: {failures.Count("lock_online")}");
    }

    [Fact]
    public async Task ACriticalBatteryGetsAReplaceBatteriesTaskAndNoBackupWithoutAnotherLock()
    {
        var host = await ReadinessHost.CreateAsync(cluster, lockCount: 1);
        var door1 = host.Locks[0].SmartLock.Id;
        cluster.NukiFake.UpdateSmartlock(host.Locks[0].DeviceId, batteryCritical: true);
        await host.WaitForLockAsync(door1, status => status.BatteryCritical == true, "Door 1 reading its critical battery");
        var booking = await host.BookArrivingAtAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(42));

        var first = await host.WaitForOffsetAsync(booking.Id, "45s");
        await host.SettledAsync();

        Assert.Equal(ReadinessCheckStatus.Failed, ReadinessHost.Check(first, ReadinessCheckKind.LockBattery, door1).Status);
        Assert.Equal(ReadinessCheckStatus.Failed, ReadinessHost.Check(first, ReadinessCheckKind.AccessCode, door1).Status);
        var battery = ReadinessHost.Check(await host.Readiness.GetBookingReadinessAsync(host.Owner.Id, booking.Id), ReadinessCheckKind.LockBattery, door1);
        Assert.Null(battery.BackupSmartLockId);
        var task = Assert.Single(await host.MaintenanceTasksAsync());
        Assert.Equal(battery.TaskId, task.Id);
        Assert.StartsWith("Replace batteries on Door 1 before ", task.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockThatComesBackIsReportedRecoveredAndKeepsItsOneTask()
    {
        var host = await ReadinessHost.CreateAsync(cluster, lockCount: 1);
        var door1 = host.Locks[0].SmartLock.Id;
        cluster.NukiFake.UpdateSmartlock(host.Locks[0].DeviceId, offline: true);
        await host.WaitForLockAsync(door1, status => status.Online == false, "Door 1 reading offline");
        var booking = await host.BookArrivingAtAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(48));

        var first = await host.WaitForOffsetAsync(booking.Id, "45s");
        Assert.Equal(ReadinessCheckStatus.Failed, ReadinessHost.Check(first, ReadinessCheckKind.LockOnline, door1).Status);
        cluster.NukiFake.UpdateSmartlock(host.Locks[0].DeviceId, offline: false);
        await host.WaitForLockAsync(door1, status => status.Online == true, "Door 1 reading online again");

        var later = await host.WaitForOffsetAsync(booking.Id, "30s");
        await host.SettledAsync();

        var online = ReadinessHost.Check(await host.Readiness.GetBookingReadinessAsync(host.Owner.Id, booking.Id), ReadinessCheckKind.LockOnline, door1);
        Assert.Equal(ReadinessCheckStatus.Ok, ReadinessHost.Check(later, ReadinessCheckKind.LockOnline, door1).Status);
        Assert.True(online.TaskReasonResolved);
        Assert.Equal(Assert.Single(await host.MaintenanceTasksAsync()).Id, online.TaskId);
        var recovered = Assert.Single(await host.FeedAsync(ActivityKind.ReadinessRecovered));
        Assert.Equal(booking.Id, recovered.BookingId);
    }

    [Fact]
    public async Task TheCleaningBeforeTheArrivalFailsTheLastCheckUntilItIsCompleted()
    {
        var host = await ReadinessHost.CreateAsync(cluster, lockCount: 1);
        var leaving = await host.BookLeavingAtAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
        var cleaningTask = await Poll.UntilAsync(
            () => CleaningOfAsync(host, leaving.Id), task => task is not null, TimeSpan.FromSeconds(15), "The departing stay's cleaning task");
        var arriving = await host.BookArrivingAtAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(13));

        var last = await host.WaitForOffsetAsync(arriving.Id, "15s");

        Assert.Equal(ReadinessCheckStatus.Failed, ReadinessHost.Check(last, ReadinessCheckKind.Cleaning).Status);

        var other = await ReadinessHost.CreateAsync(cluster, lockCount: 1);
        var left = await other.BookLeavingAtAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
        var done = (await Poll.UntilAsync(() => CleaningOfAsync(other, left.Id), task => task is not null, TimeSpan.FromSeconds(15), "The other stay's cleaning task"))!;
        var tasks = cluster.Grains.GetGrain<IPropertyTasksGrain>(other.PropertyId);
        await tasks.StartTaskAsync(other.Owner.Id, done.Id);
        await tasks.CompleteTaskAsync(other.Owner.Id, done.Id, null);
        var arrivingAfterCleaning = await other.BookArrivingAtAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(13));

        var cleaned = await other.WaitForOffsetAsync(arrivingAfterCleaning.Id, "15s");

        Assert.Equal(ReadinessCheckStatus.Ok, ReadinessHost.Check(cleaned, ReadinessCheckKind.Cleaning).Status);
        Assert.NotNull(cleaningTask);
    }

    [Fact]
    public async Task ACancelledArrivalIsNoLongerCheckedOrListed()
    {
        var host = await ReadinessHost.CreateAsync(cluster, lockCount: 1);
        var booking = await host.BookArrivingAtAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(44));
        await host.WaitForOffsetAsync(booking.Id, "45s");
        Assert.Single(await host.Readiness.ListUpcomingAsync(host.Owner.Id, 1));

        await new Rentals.PropertyBookings(cluster.Grains, host.PropertyId).UpdateBookingAsync(host.Owner.Id, booking.Id, LockStays.Cancel);

        await Poll.UntilAsync(
            () => host.Readiness.ListUpcomingAsync(host.Owner.Id, 1), arrivals => arrivals.IsEmpty, TimeSpan.FromSeconds(15), "The cancelled arrival leaving the list");
        var gone = await Assert.ThrowsAsync<Grains.Interfaces.Errors.NotFoundException>(() => host.Readiness.GetBookingReadinessAsync(host.Owner.Id, booking.Id));
        Assert.Equal("readiness.not_found", gone.Code);
    }

    private async Task<CrewTaskDto?> CleaningOfAsync(ReadinessHost host, Guid bookingId)
    {
        var page = await cluster.Grains.GetGrain<IPropertyTasksGrain>(host.PropertyId).ListTasksAsync(
            host.Owner.Id, TaskQuery.All, new Grains.Interfaces.Common.PageRequest(0, 100));
        return page.Content.Select(view => view.Task).FirstOrDefault(task => task.BookingId == bookingId && task.TaskType == Grains.Interfaces.Crew.CrewService.Cleaning);
    }

    // Listens to the readiness meter in this process (the in-process silo's); counts failures per check tag.
    private sealed class FailureCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _counts = [];
        private readonly Lock _gate = new();

        public FailureCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ReadinessMetrics.MeterName && instrument.Name == "kasify.readiness.failures")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "check" && tag.Value is string check)
                    {
                        lock (_gate)
                        {
                            _counts[check] = _counts.GetValueOrDefault(check) + value;
                        }
                    }
                }
            });
            _listener.Start();
        }

        public long Count(string check)
        {
            lock (_gate)
            {
                return _counts.GetValueOrDefault(check);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
