using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;
using Kasify.Grains.Outbox;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.Storage;
using Kasify.Silo.Hosting;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests.Bookings;

/// <summary>
/// A booking is answered, and the silo dies while the calendar's outbox is still handing the change to the property's
/// tasks and activity feed (those calls are held, so the kill lands between the stored change and its delivery). A new
/// silo on the same database delivers it from the stored outbox on the calendar's reminder, without anyone calling the
/// calendar: exactly one cleaning task and one feed entry result.
/// </summary>
public sealed class OutboxKilledSiloTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly TestFolder _folder = new();
    private KasifySiloOptions _options = null!;
    private InProcessTestCluster? _cluster;

    public async Task InitializeAsync()
    {
        _options = KasifyTestSilos.SqliteOptions(_folder.Path);

        // The outbox reminder at the reminder service's test minimum, so the new silo's delivery shows within seconds.
        _options.Outbox = new DurableDeliveryOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(200),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            ReminderPeriod = KasifyTestSilos.MinimumReminderPeriod,
        };
        _cluster = await DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task AChangeStoredBeforeTheSiloDiedIsDeliveredOnceByTheNextSilo()
    {
        var grains = (IGrainFactory)_cluster!.Client;
        var owner = await grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        await grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details());
        var probe = _cluster.Silos[0].ServiceProvider.GetRequiredService<GrainCallProbe>();
        using var tasksHeld = probe.HoldCallsTo(grains.GetGrain<IPropertyTasksGrain>(propertyId).GetGrainId());
        using var feedHeld = probe.HoldCallsTo(grains.GetGrain<IActivityFeedGrain>(propertyId).GetGrainId());

        var booking = await grains.GetGrain<IBookingCalendarGrain>(propertyId).CreateBookingAsync(owner.Id, BookingRulesTests.Stay("2030-07-01", "2030-07-05"));
        await tasksHeld.Entered.WaitAsync(Wait);

        foreach (var silo in _cluster.Silos.ToList())
        {
            await _cluster.KillSiloAsync(silo);
        }

        await _cluster.DisposeAsync();
        _cluster = await DeployAsync();
        grains = _cluster.Client;

        // Only the tasks and the feed are asked: the calendar wakes from its own reminder.
        var tasks = await Eventually.UntilAsync(
            () => CleaningTasksAsync(grains, owner.Id, propertyId, booking.Id),
            found => found.Count > 0,
            Wait,
            "the cleaning task delivered by the new silo");
        var feed = await Eventually.UntilAsync(
            () => FeedAsync(grains, propertyId, booking.Id),
            found => found.Count > 0,
            Wait,
            "the feed entry delivered by the new silo");
        await grains.BookingsSettledAsync(propertyId);

        Assert.Single(tasks);
        Assert.Equal(new DateOnly(2030, 7, 5), DateOnly.FromDateTime(tasks[0].From.DateTime));
        Assert.Equal([ActivityKind.BookingCreated], feed.Select(entry => entry.Kind));
        Assert.Single(await CleaningTasksAsync(grains, owner.Id, propertyId, booking.Id));
        Assert.Single(await FeedAsync(grains, propertyId, booking.Id));
        Assert.Equal(booking.Details.From, (await grains.GetGrain<IBookingCalendarGrain>(propertyId).GetBookingAsync(owner.Id, booking.Id))!.Details.From);
    }

    private static async Task<List<CrewTaskDto>> CleaningTasksAsync(IGrainFactory grains, Guid ownerId, Guid propertyId, Guid bookingId)
    {
        var page = await grains.GetGrain<IPropertyTasksGrain>(propertyId)
            .ListTasksAsync(ownerId, TaskQuery.All with { IncludeCancelled = true, TaskType = CrewService.Cleaning }, new PageRequest(0, 100));
        return [.. page.Content.Select(view => view.Task).Where(task => task.BookingId == bookingId)];
    }

    private static async Task<List<ActivityEntry>> FeedAsync(IGrainFactory grains, Guid propertyId, Guid bookingId) =>
        [.. (await grains.GetGrain<IActivityFeedGrain>(propertyId).GetLatestAsync(null, 50)).Where(entry => entry.BookingId == bookingId)];

    private async Task<InProcessTestCluster> DeployAsync()
    {
        var builder = KasifyTestSilos.CreateInProcessClusterBuilder(_options);
        builder.ConfigureSilo((_, silo) => GrainCallProbe.AddTo(silo));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
