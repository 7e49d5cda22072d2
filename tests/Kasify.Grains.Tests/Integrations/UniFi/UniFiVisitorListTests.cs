using Kasify.Fakes.UniFi;
using Kasify.Grains.Hosting;
using Kasify.Grains.Integrations.UniFi;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Tests.Integrations.UniFi;

/// <summary>Listing a console's visitors, as the lock's digital twin reads them, against the fake console over HTTPS.</summary>
public sealed class UniFiVisitorListTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Arrival = new(2026, 7, 1, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Departure = new(2026, 7, 5, 10, 0, 0, TimeSpan.Zero);

    private UniFiFakeServer _fake = null!;
    private ServiceProvider _services = null!;

    private UniFiFakeConsole Console => _fake.Console;

    public async Task InitializeAsync()
    {
        _fake = await UniFiFakeServer.StartAsync();
        var services = new ServiceCollection();
        services.AddOutboundPolicy(KasifyTestSilos.FakesOnLoopback());
        services.AddUniFiAccessClient(options => options.Retry.Delay = TimeSpan.FromMilliseconds(10));
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task EveryPageOfVisitorsIsReadWithWindowPinAndDoors()
    {
        var connection = new UniFiAccessConnection(_fake.BaseUrl, UniFiFakeSeed.Token, _fake.CertificateFingerprint);
        var client = _services.GetRequiredService<IUniFiAccessClient>();
        var created = await client.CreateVisitorPinAsync(
            connection, new UniFiVisitorPinRequest(UniFiFakeSeed.MainDoorId, "Kasify", "KSF-0123456789ab", "246813", Arrival, Departure));
        for (var i = 0; i < 150; i++)
        {
            Console.AddVisitor("Guest", $"G{i}", UniFiFakeSeed.ApartmentDoorId, Arrival.ToUnixTimeSeconds(), Departure.ToUnixTimeSeconds(), $"{500000 + i}");
        }

        Console.EditVisitor(Console.Visitors().Single(visitor => visitor.LastName == "G0").Id, cancelled: true, removePin: true);

        var visitors = await client.ListVisitorsAsync(connection);

        Assert.Equal(151, visitors.Count);
        Assert.Equal(151, visitors.Select(visitor => visitor.VisitorId).Distinct().Count());
        var ours = Assert.Single(visitors, visitor => visitor.VisitorId == created.VisitorId);
        Assert.Equal(
            ("Kasify", "KSF-0123456789ab", "UPCOMING", Arrival, Departure, true),
            (ours.FirstName, ours.LastName, ours.Status, ours.ValidFrom, ours.ValidTo, ours.HasPin));
        Assert.Equal([UniFiFakeSeed.MainDoorId], ours.ResourceIds);
        var cancelled = Assert.Single(visitors, visitor => visitor.Status == "CANCELLED");
        Assert.Equal("G0", cancelled.LastName);
        Assert.False(cancelled.HasPin);
    }
}
