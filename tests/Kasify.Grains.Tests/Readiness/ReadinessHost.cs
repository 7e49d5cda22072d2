using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.SmartLocks;

namespace Kasify.Grains.Tests.Readiness;

/// <summary>
/// A host with a Nuki account of their own at the fake, a property with <c>lockCount</c> locks named Door 1, Door 2, …,
/// and helpers to book arrivals a few seconds ahead and read the readiness, tasks and feed. Grain references are taken
/// from the cluster on every call, so a host survives <see cref="ReadinessCluster.RestartAsync"/>.
/// </summary>
internal sealed class ReadinessHost(ReadinessCluster cluster, UserDto owner, Guid propertyId, ImmutableArray<NukiLock> locks)
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById(PropertyLimits.DefaultTimeZone);

    public UserDto Owner { get; } = owner;

    public Guid PropertyId { get; } = propertyId;

    public ImmutableArray<NukiLock> Locks { get; } = locks;

    public IArrivalReadinessGrain Readiness => cluster.Grains.GetGrain<IArrivalReadinessGrain>(PropertyId);

    public static async Task<ReadinessHost> CreateAsync(ReadinessCluster cluster, int lockCount, int batteryCharge = 80)
    {
        var grains = cluster.Grains;
        var owner = await grains.RegisterNewUserAsync();
        var token = NukiHost.NewToken();
        cluster.NukiFake.AddAccount(token);
        var deviceIds = Enumerable.Range(0, lockCount).Select(_ => NukiHost.NewDeviceId()).ToList();
        for (var i = 0; i < deviceIds.Count; i++)
        {
            cluster.NukiFake.AddSmartlock(token, deviceIds[i], $"Door {i + 1}", batteryCharge: batteryCharge);
        }

        var integration = await grains.GetGrain<IIntegrationGrain>(Guid.NewGuid())
            .CreateAsync(owner.Id, IntegrationType.Nuki, new IntegrationSettings("Home locks", token));
        var propertyId = Guid.NewGuid();
        await grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details());
        var assigned = ImmutableArray.CreateBuilder<NukiLock>();
        foreach (var deviceId in deviceIds)
        {
            var smartLock = await grains.GetGrain<IPropertyLocksGrain>(propertyId)
                .AddSmartLockAsync(owner.Id, new AssignSmartLock(integration.Id, NukiHost.ExternalId(deviceId), null));
            assigned.Add(new NukiLock(deviceId, smartLock));
        }

        return new ReadinessHost(cluster, owner, propertyId, assigned.ToImmutable());
    }

    /// <summary>A two-night stay arriving at <paramref name="arrival"/> (to the second, as the property's local date and check-in time).</summary>
    public Task<BookingDto> BookArrivingAtAsync(DateTimeOffset arrival)
    {
        var local = TimeZoneInfo.ConvertTime(arrival, Madrid);
        local = local.AddTicks(TimeSpan.TicksPerSecond - (local.Ticks % TimeSpan.TicksPerSecond));
        var day = DateOnly.FromDateTime(local.DateTime);
        var details = BookingRulesTests.Stay("2031-03-01", "2031-03-03") with { From = day, To = day.AddDays(2), ArrivalTime = TimeOnly.FromDateTime(local.DateTime) };
        return new PropertyBookings(cluster.Grains, PropertyId).CreateBookingAsync(Owner.Id, details);
    }

    /// <summary>A stay that began yesterday and leaves at <paramref name="departure"/> (to the second): its cleaning task starts then.</summary>
    public Task<BookingDto> BookLeavingAtAsync(DateTimeOffset departure)
    {
        var local = TimeZoneInfo.ConvertTime(departure, Madrid);
        local = local.AddTicks(TimeSpan.TicksPerSecond - (local.Ticks % TimeSpan.TicksPerSecond));
        var day = DateOnly.FromDateTime(local.DateTime);
        var details = BookingRulesTests.Stay("2031-03-01", "2031-03-03") with
        {
            From = day.AddDays(-1),
            To = day,
            ArrivalTime = TimeOnly.MinValue,
            DepartureTime = TimeOnly.FromDateTime(local.DateTime),
        };
        return new PropertyBookings(cluster.Grains, PropertyId).CreateBookingAsync(Owner.Id, details);
    }

    public Task<BookingAccessCodes> CreateCodesAsync(Guid bookingId) =>
        cluster.Grains.GetGrain<IPropertyLocksGrain>(PropertyId).CreateAccessCodesAsync(Owner.Id, bookingId);

    /// <summary>Waits until the lock grain's status of <paramref name="smartLockId"/> satisfies <paramref name="done"/>.</summary>
    public Task WaitForLockAsync(Guid smartLockId, Func<SmartLockStatus, bool> done, string what) =>
        Poll.UntilAsync(
            async () => (await cluster.Grains.GetGrain<ISmartLockGrain>(smartLockId).GetAsync())!.Status,
            done,
            TimeSpan.FromSeconds(15),
            what);

    /// <summary>Waits until the booking's readiness has evaluated the offset named <paramref name="offset"/> (<c>45s</c>, <c>30s</c>, <c>15s</c>) and satisfies <paramref name="done"/>.</summary>
    public async Task<ArrivalReadinessDto> WaitForOffsetAsync(Guid bookingId, string offset, Func<ArrivalReadinessDto, bool>? done = null, TimeSpan? timeout = null) =>
        await Poll.UntilAsync(
            () => TryGetAsync(bookingId),
            readiness => readiness?.LastOffset == offset && (done is null || done(readiness)),
            timeout ?? TimeSpan.FromSeconds(60),
            $"The readiness check at {offset}",
            readiness => readiness is null ? "not followed yet" : Describe(readiness)) ?? throw new InvalidOperationException("unreachable");

    // Null until the calendar has delivered the booking to the readiness grain.
    private async Task<ArrivalReadinessDto?> TryGetAsync(Guid bookingId)
    {
        try
        {
            return await Readiness.GetBookingReadinessAsync(Owner.Id, bookingId);
        }
        catch (NotFoundException exception) when (exception.Code == "readiness.not_found")
        {
            return null;
        }
    }

    /// <summary>Waits until the readiness outbox (tasks, mails, codes, feed) is delivered.</summary>
    public Task SettledAsync() =>
        Poll.UntilAsync(() => Readiness.GetUndeliveredCountAsync(), count => count == 0, TimeSpan.FromSeconds(20), "The readiness actions being delivered");

    public async Task<ImmutableArray<CrewTaskDto>> MaintenanceTasksAsync()
    {
        var page = await cluster.Grains.GetGrain<IPropertyTasksGrain>(PropertyId).ListTasksAsync(
            Owner.Id, TaskQuery.All with { TaskType = CrewService.Maintenance, IncludeCancelled = true }, new PageRequest(0, PageRequest.MaxSize));
        return [.. page.Content.Select(view => view.Task)];
    }

    public async Task<ImmutableArray<ActivityEntry>> FeedAsync(ActivityKind kind) =>
        [.. (await cluster.Grains.GetGrain<IActivityFeedGrain>(PropertyId).GetLatestAsync(null, 100)).Where(entry => entry.Kind == kind)];

    public static ReadinessCheckDto Check(ArrivalReadinessDto readiness, ReadinessCheckKind kind, Guid? smartLockId = null) =>
        readiness.Checks.Single(check => check.Kind == kind && check.SmartLockId == smartLockId);

    public static string Describe(ArrivalReadinessDto readiness) =>
        $"offset {readiness.LastOffset ?? "none"}: " + string.Join("; ", readiness.Checks.Select(check =>
            $"{check.Kind} {check.SmartLockName} {check.Status} ({check.Action}) task {check.TaskId} resolved {check.TaskReasonResolved} backup {check.BackupSmartLockName} {check.BackupCodeStatus}"));
}
