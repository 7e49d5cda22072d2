using Kasify.Hosting.ClusterTls;
using Kasify.Silo.Hosting;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;

namespace Kasify.Grains.Tests.Storage;

/// <summary>
/// Cluster mode end to end: three silo hosts configured exactly like Kasify.Silo (ADO.NET membership, storage and
/// reminders on one PostgreSQL database, mutual TLS between silos and to the gateways), started together against an
/// empty database.
/// </summary>
public sealed class PostgresClusterTests
{
    private const int GrainCount = 60;
    private const int DeadStatus = 6;
    private static readonly TimeSpan FailoverWait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task KillingASiloLosesNoState()
    {
        var server = await PostgresServer.GetSharedAsync();
        var options = KasifyTestSilos.PostgresOptions(await server.CreateDatabaseAsync());
        Assert.Equal(ClusterTransportSecurity.MutualTls, options.TransportSecurity);
        var silos = (await Task.WhenAll(
            KasifyTestSilos.StartSiloAsync(options),
            KasifyTestSilos.StartSiloAsync(KasifyTestSilos.WithNewPorts(options)),
            KasifyTestSilos.StartSiloAsync(KasifyTestSilos.WithNewPorts(options)))).ToList();
        var client = await KasifyTestSilos.StartClientAsync(
            options, c => c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        try
        {
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var ids = Enumerable.Range(0, GrainCount).Select(_ => Guid.NewGuid()).ToList();
            await Task.WhenAll(ids.Select((id, i) => grains.GetGrain<ICounterGrain>(id).AddAsync(i + 1)));

            var placement = await PlacementAsync(grains, ids);
            var victim = silos.First(silo => placement.ContainsValue(AddressOf(silo)));
            var victimAddress = AddressOf(victim);
            var orphaned = ids.Where(id => placement[id] == victimAddress).ToList();
            silos.Remove(victim);
            await KasifyTestSilos.KillAsync(victim);

            // Until membership declares the silo dead, calls to its grains fail; after that they re-activate elsewhere.
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                var value = await Eventually.UntilAsync(
                    () => grains.GetGrain<ICounterGrain>(id).GetAsync(), _ => true, FailoverWait, $"Reading grain {i} after the kill");
                Assert.Equal(i + 1, value);
            }

            var newPlacement = await PlacementAsync(grains, orphaned);
            Assert.All(newPlacement.Values, address => Assert.NotEqual(victimAddress, address));
            Assert.Equal(DeadStatus, await MembershipStatusAsync(options, victimAddress));
        }
        finally
        {
            await KasifyTestSilos.StopAsync(client);
            await Task.WhenAll(silos.Select(KasifyTestSilos.StopAsync));
        }
    }

    private static SiloAddress AddressOf(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static async Task<Dictionary<Guid, SiloAddress>> PlacementAsync(IClusterClient grains, IEnumerable<Guid> ids)
    {
        var placed = await Task.WhenAll(ids.Select(async id => (id, silo: await grains.GetGrain<ICounterGrain>(id).GetSiloAsync())));
        return placed.ToDictionary(p => p.id, p => p.silo);
    }

    private static async Task<int> MembershipStatusAsync(KasifySiloOptions options, SiloAddress silo)
    {
        await using var connection = new NpgsqlConnection(options.Storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Port = @port AND Generation = @generation",
            connection);
        command.Parameters.AddWithValue("cluster", options.Cluster.ClusterId);
        command.Parameters.AddWithValue("port", silo.Endpoint.Port);
        command.Parameters.AddWithValue("generation", silo.Generation);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
