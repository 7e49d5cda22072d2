using Kasify.Fakes.UniFi;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Tests.Identity;
using Kasify.Testing;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// Integrations when the vendor does not answer: connecting is refused as unreachable (nothing half-created), and a
/// device list falls back to the last one the vendor gave. No lock is assigned in this class, so the fake's forced
/// failures reach exactly the calls under test.
/// </summary>
public sealed class IntegrationVendorFailureTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task ConnectingWhileNukiFailsIsUnreachable()
    {
        var owner = await Grains.RegisterNewUserAsync();
        var token = NukiHost.NewToken();
        cluster.NukiFake.AddAccount(token);
        var integration = Grains.GetGrain<IIntegrationGrain>(Guid.NewGuid());

        cluster.NukiFake.FailNext(1000, 503);
        try
        {
            var error = await Assert.ThrowsAnyAsync<KasifyException>(() =>
                integration.CreateAsync(owner.Id, IntegrationType.Nuki, new IntegrationSettings("Failing", token)));
            Assert.Equal("integration.unreachable", error.Code);
            Assert.IsType<IntegrationUnavailableException>(error);
        }
        finally
        {
            cluster.NukiFake.FailNext(0);
        }

        Assert.Null(await integration.GetAsync(owner.Id, null));
        Assert.Empty(await Grains.GetGrain<IAccountGrain>(owner.AccountId).GetIntegrationsAsync());

        // Nothing was reserved by the failed attempt: the same account connects once Nuki answers again.
        var connected = await integration.CreateAsync(owner.Id, IntegrationType.Nuki, new IntegrationSettings("Answering", token));
        Assert.Equal("Answering", connected.Name);
    }

    [Fact]
    public async Task ConnectingToANukiThatIsDownIsUnreachable()
    {
        var down = new LockCluster(new Uri($"http://127.0.0.1:{FreePort.Next()}"));
        await down.InitializeAsync();
        try
        {
            var owner = await down.Grains.RegisterNewUserAsync();
            var error = await Assert.ThrowsAnyAsync<KasifyException>(() =>
                down.Grains.GetGrain<IIntegrationGrain>(Guid.NewGuid()).CreateAsync(owner.Id, IntegrationType.Nuki, new IntegrationSettings("Down", "any-token")));

            Assert.Equal("integration.unreachable", error.Code);
            Assert.Empty(await down.Grains.GetGrain<IAccountGrain>(owner.AccountId).GetIntegrationsAsync());
        }
        finally
        {
            await down.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConnectingToAUniFiConsoleThatIsDownIsUnreachable()
    {
        var owner = await Grains.RegisterNewUserAsync();
        var closed = new Uri($"https://127.0.0.1:{FreePort.Next()}");

        var error = await Assert.ThrowsAnyAsync<KasifyException>(() => Grains.GetGrain<IIntegrationGrain>(Guid.NewGuid()).CreateAsync(
            owner.Id, IntegrationType.Unifi, new IntegrationSettings("Office", UniFiFakeSeed.Token, closed, cluster.UniFi.CertificateFingerprint)));

        Assert.Equal("integration.unreachable", error.Code);
        Assert.Empty(await Grains.GetGrain<IAccountGrain>(owner.AccountId).GetIntegrationsAsync());
    }

    [Fact]
    public async Task DevicesFallBackToTheLastKnownListWhenNukiFails()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 0);
        var device = NukiHost.NewDeviceId();
        cluster.NukiFake.AddSmartlock(host.Token, device, "Front Door", batteryCharge: 64);
        var integration = Grains.GetGrain<IIntegrationGrain>(host.Integration.Id);
        var live = await integration.ListDevicesAsync(host.Owner.Id, IntegrationType.Nuki);
        Assert.Equal(IntegrationStatus.Online, live.Status);

        cluster.NukiFake.FailNext(1000, 503);
        IntegrationDevices fallback;
        try
        {
            fallback = await integration.ListDevicesAsync(host.Owner.Id, IntegrationType.Nuki);
        }
        finally
        {
            cluster.NukiFake.FailNext(0);
        }

        Assert.Equal(IntegrationStatus.Unreachable, fallback.Status);
        Assert.Equal(live.FetchedAt, fallback.FetchedAt);
        var door = Assert.Single(fallback.Devices);
        Assert.Equal((NukiHost.ExternalId(device), "Front Door", 64), (door.ExternalId, door.Name, door.BatteryCharge));

        var again = await integration.ListDevicesAsync(host.Owner.Id, IntegrationType.Nuki);
        Assert.Equal(IntegrationStatus.Online, again.Status);
        Assert.True(again.FetchedAt > live.FetchedAt, $"A fresh list is fetched again ({again.FetchedAt:O} after {live.FetchedAt:O}).");
    }
}
