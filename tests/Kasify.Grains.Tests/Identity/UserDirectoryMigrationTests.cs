using Kasify.Grains.Identity;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Silo.Hosting;
using Kasify.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests.Identity;

/// <summary>
/// A database written before the user directory was sharded holds every user in the one directory row; under the
/// sharded directory those users move to their shards and stay listed, on both storage providers.
/// </summary>
public sealed class UserDirectoryMigrationTests : IDisposable
{
    private const string UnshardedStateName = "userDirectory";

    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(KasifyStorageMode.Sqlite)]
    [InlineData(KasifyStorageMode.Postgres)]
    public async Task UsersOfTheUnshardedDirectoryMoveToTheirShardsAndStayListed(KasifyStorageMode mode)
    {
        var options = await OptionsAsync(mode);
        var createdAt = new DateTimeOffset(2025, 6, 1, 9, 30, 0, TimeSpan.FromHours(2));
        var stored = Enumerable.Range(0, 40)
            .Select(i => new UserDto(Guid.NewGuid(), Guid.NewGuid(), $"user{i}@example.org", "Ana", null, null, "es", createdAt.AddMinutes(i)))
            .ToList();
        var changedSince = stored[0] with { Email = "changed@example.org" };
        var expected = stored.Skip(1).Append(changedSince).OrderBy(user => user.Id).ToList();

        await using (var cluster = await DeployAsync(options))
        {
            var storage = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify);
            var directoryId = cluster.Client.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).GetGrainId();
            await storage.WriteStateAsync(
                UnshardedStateName, directoryId, new GrainState<UserDirectoryState>(new UserDirectoryState { Users = stored.ToDictionary(user => user.Id) }));

            // A profile change after the upgrade, before anyone listed users: its shard holds the newer entry.
            await cluster.Client.GetGrain<IUserDirectoryShardGrain>(UserDirectoryRules.ShardOf(changedSince.Id)).UpsertAsync(changedSince);

            Assert.Equal(expected, await ListEveryUserAsync(cluster.Client));
            foreach (var user in expected)
            {
                Assert.Contains(user, await cluster.Client.GetGrain<IUserDirectoryShardGrain>(UserDirectoryRules.ShardOf(user.Id)).ListAsync(0, int.MaxValue));
            }

            var unsharded = new GrainState<UserDirectoryState>(new UserDirectoryState());
            await storage.ReadStateAsync(UnshardedStateName, directoryId, unsharded);
            Assert.Empty(unsharded.State?.Users ?? []);
            await cluster.StopAllSilosAsync();
        }

        // The cleared row stays behind (ADO.NET keeps it, with no payload); a new activation reads it as empty.
        await using var restarted = await DeployAsync(options);
        Assert.Equal(expected, await ListEveryUserAsync(restarted.Client));
    }

    private async Task<KasifySiloOptions> OptionsAsync(KasifyStorageMode mode)
    {
        if (mode == KasifyStorageMode.Sqlite)
        {
            return KasifyTestSilos.SqliteOptions(_folder.Path);
        }

        var server = await PostgresServer.GetSharedAsync();
        return KasifyTestSilos.PostgresOptions(await server.CreateDatabaseAsync());
    }

    private static async Task<InProcessTestCluster> DeployAsync(KasifySiloOptions options)
    {
        var cluster = KasifyTestSilos.CreateInProcessClusterBuilder(options).Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task<List<UserDto>> ListEveryUserAsync(IGrainFactory grains)
    {
        var directory = grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key);
        var first = await directory.ListAsync(new PageRequest(0, 15));
        var users = new List<UserDto>(first.Content);
        for (var page = 1; page < first.TotalPages; page++)
        {
            users.AddRange((await directory.ListAsync(new PageRequest(page, 15))).Content);
        }

        Assert.Equal(first.TotalElements, users.Count);
        return [.. users.OrderBy(user => user.Id)];
    }
}
