using System.Text;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// The Nuki integration grain against the fake: credentials checked on connect, the token kept out of storage and
/// responses, one Nuki integration per account, visible to its owner only, its devices listed with their assignments,
/// and no disconnecting while a device is assigned.
/// </summary>
public sealed class IntegrationGrainTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task ConnectingChecksTheTokenWithNuki()
    {
        var owner = await Grains.RegisterNewUserAsync();
        var integration = Grains.GetGrain<IIntegrationGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAnyAsync<KasifyException>(() =>
            integration.CreateAsync(owner.Id, IntegrationType.Nuki, new IntegrationSettings("Wrong token", "not-a-nuki-token")));

        Assert.Equal("integration.invalid_credentials", error.Code);
        Assert.Null(await integration.GetAsync(owner.Id, null));
        Assert.Empty(await Grains.GetGrain<IAccountGrain>(owner.AccountId).GetIntegrationsAsync());
    }

    [Fact]
    public async Task TheTokenIsNeitherStoredNorReturned()
    {
        var owner = await Grains.RegisterNewUserAsync();
        var token = NukiHost.NewToken();
        cluster.NukiFake.AddAccount(token);
        var name = $"Nuki {Guid.NewGuid():N}";
        var id = Guid.NewGuid();

        var created = await Grains.GetGrain<IIntegrationGrain>(id).CreateAsync(owner.Id, IntegrationType.Nuki, new IntegrationSettings(name, token));

        Assert.Equal((id, IntegrationType.Nuki, name, 0), (created.Id, created.Type, created.Name, created.SmartLockCount));
        Assert.DoesNotContain(token, created.TokenHint, StringComparison.Ordinal);
        Assert.EndsWith(token[^4..], created.TokenHint, StringComparison.Ordinal);
        Assert.DoesNotContain(token, created.ToString(), StringComparison.Ordinal);
        Assert.Equal(created, await Grains.GetGrain<IIntegrationGrain>(id).GetAsync(owner.Id, IntegrationType.Nuki));
        Assert.Contains(new AccountIntegration(id, IntegrationType.Nuki), await Grains.GetGrain<IAccountGrain>(owner.AccountId).GetIntegrationsAsync());

        var rows = await StoredRows.ReadPayloadsAsync(cluster.Options);
        var tokenAsBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(token));
        Assert.Contains(rows, row => row.Contains(name, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains(token, StringComparison.Ordinal) || row.Contains(tokenAsBase64, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAccountConnectsOneNukiIntegration()
    {
        var owner = await Grains.RegisterNewUserAsync();
        var token = NukiHost.NewToken();
        cluster.NukiFake.AddAccount(token);
        var first = await Grains.GetGrain<IIntegrationGrain>(Guid.NewGuid()).CreateAsync(owner.Id, IntegrationType.Nuki, new IntegrationSettings("First", token));

        var second = Grains.GetGrain<IIntegrationGrain>(Guid.NewGuid());
        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            second.CreateAsync(owner.Id, IntegrationType.Nuki, new IntegrationSettings("Second", token)));

        Assert.Equal("integration.exists", conflict.Code);
        Assert.Null(await second.GetAsync(owner.Id, null));
        Assert.Equal(new AccountIntegration(first.Id, IntegrationType.Nuki), Assert.Single(await Grains.GetGrain<IAccountGrain>(owner.AccountId).GetIntegrationsAsync()));
    }

    [Fact]
    public async Task OnlyItsOwnerSeesTheIntegrationAndOnlyUnderItsType()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 0);
        var stranger = await Grains.RegisterNewUserAsync();
        var integration = Grains.GetGrain<IIntegrationGrain>(host.Integration.Id);

        Assert.Null(await integration.GetAsync(stranger.Id, IntegrationType.Nuki));
        Assert.Null(await integration.GetAsync(stranger.Id, null));
        Assert.Null(await integration.GetAsync(host.Owner.Id, IntegrationType.Unifi));
        Assert.Null(await Grains.GetGrain<IIntegrationGrain>(Guid.NewGuid()).GetAsync(host.Owner.Id, null));
        Assert.Equal(host.Integration, await integration.GetAsync(host.Owner.Id, null));
        var hidden = await Assert.ThrowsAnyAsync<KasifyException>(() => integration.ListDevicesAsync(stranger.Id, IntegrationType.Nuki));
        Assert.Equal("integration.not_found", hidden.Code);
    }

    [Fact]
    public async Task DevicesAreListedLiveWithTheirAssignments()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var assigned = host.Locks[0];
        var spare = NukiHost.NewDeviceId();
        cluster.NukiFake.AddSmartlock(host.Token, spare, "Garden Gate", offline: true, batteryCharge: 12);
        var before = DateTimeOffset.UtcNow;

        var devices = await Grains.GetGrain<IIntegrationGrain>(host.Integration.Id).ListDevicesAsync(host.Owner.Id, IntegrationType.Nuki);

        Assert.Equal(IntegrationStatus.Online, devices.Status);
        Assert.True(devices.FetchedAt >= before.AddSeconds(-1), $"Fetched at {devices.FetchedAt:O}, asked at {before:O}");
        Assert.Equal(
            [NukiHost.ExternalId(assigned.DeviceId), NukiHost.ExternalId(spare)],
            devices.Devices.Select(d => d.ExternalId).Order(StringComparer.Ordinal));
        var door = devices.Devices.Single(d => d.ExternalId == NukiHost.ExternalId(assigned.DeviceId));
        Assert.Equal(("Door 1", 1, 80, false, false), (door.Name, door.LockState, door.BatteryCharge, door.BatteryCritical, door.Offline));
        Assert.Equal(new DeviceAssignment(host.PropertyId, assigned.SmartLock.Id), door.Assignment);
        var gate = devices.Devices.Single(d => d.ExternalId == NukiHost.ExternalId(spare));
        Assert.Equal(("Garden Gate", 12, true, true), (gate.Name, gate.BatteryCharge, gate.BatteryCritical, gate.Offline));
        Assert.Null(gate.Assignment);
        Assert.Equal(1, (await Grains.GetGrain<IIntegrationGrain>(host.Integration.Id).GetAsync(host.Owner.Id, IntegrationType.Nuki))!.SmartLockCount);
    }

    [Fact]
    public async Task AnIntegrationWithAnAssignedLockCannotBeDisconnected()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var integration = Grains.GetGrain<IIntegrationGrain>(host.Integration.Id);

        var inUse = await Assert.ThrowsAsync<ConflictException>(() => integration.DeleteAsync(host.Owner.Id, IntegrationType.Nuki));
        Assert.Equal("integration.in_use", inUse.Code);
        Assert.NotNull(await integration.GetAsync(host.Owner.Id, IntegrationType.Nuki));

        await host.PropertyLocks.RemoveSmartLockAsync(host.Owner.Id, host.Locks[0].SmartLock.Id);
        await integration.DeleteAsync(host.Owner.Id, IntegrationType.Nuki);

        Assert.Null(await integration.GetAsync(host.Owner.Id, null));
        Assert.Empty(await Grains.GetGrain<IAccountGrain>(host.Owner.AccountId).GetIntegrationsAsync());
        Assert.Null(await integration.GetCredentialsAsync());
    }

    [Fact]
    public async Task AnotherAccountsIntegrationCannotBeUsedForAProperty()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 0);
        var device = NukiHost.NewDeviceId();
        cluster.NukiFake.AddSmartlock(host.Token, device, "Front Door");
        var stranger = await Grains.RegisterNewUserAsync();
        var strangersProperty = Grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await strangersProperty.CreateAsync(stranger.Id, PropertyGrainTests.Details("Not theirs"));

        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            Grains.GetGrain<IPropertyLocksGrain>(strangersProperty.GetPrimaryKey()).AddSmartLockAsync(stranger.Id, new AssignSmartLock(host.Integration.Id, NukiHost.ExternalId(device), null)));

        Assert.Equal("integration.not_found", error.Code);
        Assert.Empty(await Grains.GetGrain<IPropertyLocksGrain>(strangersProperty.GetPrimaryKey()).ListSmartLocksAsync(stranger.Id));
    }
}
