using Kasify.Grains.Identity;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Grains.Tests.Identity;

public sealed class UserDirectoryTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task ARegistrationAndAProfileChangeWriteOnlyTheUsersShard()
    {
        var before = ShardUpserts();

        var user = await _grains.RegisterNewUserAsync();
        await _grains.GetGrain<IUserGrain>(user.Id).UpdateAccountAsync(
            new UpdateAccount("Casas Ana", "ana@example.org", "Ana", "García", "+34 600 000 000", "es", null, null));

        var shard = UserDirectoryRules.ShardOf(user.Id);
        var written = ShardUpserts().Select((count, index) => count - before[index]).ToArray();
        Assert.Equal(2, written[shard]);
        Assert.Equal(0, written.Sum() - written[shard]);
        var entry = Assert.Single(await _grains.GetGrain<IUserDirectoryShardGrain>(shard).ListAsync(0, int.MaxValue), each => each.Id == user.Id);
        Assert.Equal("+34 600 000 000", entry.Phone);
    }

    [Fact]
    public async Task PagesCoverEveryUserOnceInShardOrderThenOldestFirst()
    {
        for (var i = 0; i < 12; i++)
        {
            await _grains.RegisterNewUserAsync();
        }

        var directory = _grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key);
        var first = await directory.ListAsync(new PageRequest(0, 5));
        var listed = new List<UserDto>(first.Content);
        for (var page = 1; page < first.TotalPages; page++)
        {
            var next = await directory.ListAsync(new PageRequest(page, 5));
            Assert.Equal(first.TotalElements, next.TotalElements);
            listed.AddRange(next.Content);
        }

        Assert.True(first.TotalElements >= 12);
        Assert.Equal(5, first.Content.Length);
        Assert.Equal(first.TotalElements, listed.Count);
        Assert.Equal(listed.Count, listed.Select(user => user.Id).Distinct().Count());
        var expectedOrder = listed.OrderBy(user => UserDirectoryRules.ShardOf(user.Id)).ThenBy(user => user.CreatedAt).ThenBy(user => user.Id);
        Assert.Equal(expectedOrder.Select(user => user.Id), listed.Select(user => user.Id));
        Assert.Empty((await directory.ListAsync(new PageRequest(first.TotalPages, 5))).Content);
    }

    [Fact]
    public async Task HandingOverKeepsWhatAShardAlreadyHolds()
    {
        var user = await _grains.RegisterNewUserAsync();
        var shard = _grains.GetGrain<IUserDirectoryShardGrain>(UserDirectoryRules.ShardOf(user.Id));
        var newcomer = user with { Id = Guid.NewGuid() };
        var newcomerShard = _grains.GetGrain<IUserDirectoryShardGrain>(UserDirectoryRules.ShardOf(newcomer.Id));

        await shard.AddMissingAsync([user with { Email = "stale@example.org" }]);
        await newcomerShard.AddMissingAsync([newcomer]);

        Assert.Contains(user, await shard.ListAsync(0, int.MaxValue));
        Assert.Contains(newcomer, await newcomerShard.ListAsync(0, int.MaxValue));
    }

    private int[] ShardUpserts() =>
        [.. Enumerable.Range(0, UserDirectoryRules.ShardCount).Select(shard =>
            fixture.GrainCalls.CallsTo(_grains.GetGrain<IUserDirectoryShardGrain>(shard).GetGrainId(), nameof(IUserDirectoryShardGrain.UpsertAsync)))];
}
