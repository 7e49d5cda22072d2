using Kasify.Fakes.Channels;
using Kasify.Grains.Channels;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.Storage;
using Kasify.Silo.Hosting;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests.Channels;

/// <summary>
/// A channel calendar is fetched and its changes stored, and the silo dies while the booking calendar is being asked to
/// apply them (that call is held). A new silo on the same database applies the stored changes once the feed grain wakes:
/// each event's booking exists exactly once.
/// </summary>
public sealed class ChannelSyncKilledSiloTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly TestFolder _folder = new();
    private readonly ChannelFakeServer _fake = new();
    private KasifySiloOptions _options = null!;
    private InProcessTestCluster? _cluster;

    public async Task InitializeAsync()
    {
        await _fake.StartAsync();
        _options = KasifyTestSilos.SqliteOptions(_folder.Path);
        _cluster = await DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ChangesStoredBeforeTheSiloDiedAreAppliedOnceByTheNextSilo()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _fake.State.PutFeed("killed", ChannelFeedShape.Airbnb,
        [
            new ChannelFakeEvent { Uid = "stay-1", Start = today.AddDays(10), End = today.AddDays(13), ReservationCode = "HMKILL0001" },
            new ChannelFakeEvent { Uid = "stay-2", Start = today.AddDays(20), End = today.AddDays(22), ReservationCode = "HMKILL0002" },
        ]);
        var grains = (IGrainFactory)_cluster!.Client;
        var owner = await grains.RegisterNewUserAsync();
        var propertyId = Guid.NewGuid();
        var probe = _cluster.Silos[0].ServiceProvider.GetRequiredService<GrainCallProbe>();
        using var importHeld = probe.HoldCallsTo(
            grains.GetGrain<IBookingCalendarGrain>(propertyId).GetGrainId(), nameof(IBookingCalendarGrain.ImportFromChannelAsync));

        // The property's first access snapshot starts the feed, whose first sync stores its changes and then is held.
        await grains.GetGrain<IPropertyGrain>(propertyId).CreateAsync(owner.Id, PropertyGrainTests.Details() with { AirbnbIcalUrl = _fake.FeedUrl("killed").ToString() });
        await importHeld.Entered.WaitAsync(Wait);

        foreach (var silo in _cluster.Silos.ToList())
        {
            await _cluster.KillSiloAsync(silo);
        }

        await _cluster.DisposeAsync();
        _cluster = await DeployAsync();
        grains = _cluster.Client;

        // Reading the status wakes the feed grain; its stored changes are applied before anything else.
        await grains.GetGrain<IChannelCalendarGrain>(propertyId, PropertyChannelsGrain.AirbnbCalendarId).GetStatusAsync();
        var held = await Eventually.UntilAsync(
            grains.GetGrain<IBookingCalendarGrain>(propertyId).GetHeldDatesAsync, dates => dates.Length >= 2, Wait, "the stays applied by the new silo");
        var status = await grains.GetGrain<IChannelCalendarGrain>(propertyId, PropertyChannelsGrain.AirbnbCalendarId).SyncNowAsync();

        Assert.Equal(2, (await grains.GetGrain<IBookingCalendarGrain>(propertyId).GetHeldDatesAsync()).Length);
        Assert.Equal(
            [ChannelCalendarRules.BookingIdFor(propertyId, "airbnb", "stay-1"), ChannelCalendarRules.BookingIdFor(propertyId, "airbnb", "stay-2")],
            held.OrderBy(dates => dates.From).Select(dates => dates.BookingId));
        Assert.Equal(2, status.Events);
    }

    private async Task<InProcessTestCluster> DeployAsync()
    {
        var builder = KasifyTestSilos.CreateInProcessClusterBuilder(_options);
        builder.ConfigureSilo((_, silo) => GrainCallProbe.AddTo(silo));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
