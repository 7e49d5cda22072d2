using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Identity;

internal sealed class UserDirectoryGrain(
    [PersistentState("userDirectory", StorageNames.Kasify)] IPersistentState<UserDirectoryState> unsharded,
    IGrainFactory grains) : Grain, IUserDirectoryGrain
{
    // Databases written before the directory was sharded hold every user in this grain's row. They move to their shards
    // before the first page is served; if that fails, the activation fails and the next call tries again. Entries the
    // shards already hold are newer (AddMissingAsync keeps them). Clearing leaves an ADO.NET row with a null payload,
    // which reads back as an empty directory.
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (unsharded.State.Users.Count == 0)
        {
            return;
        }

        await Task.WhenAll(unsharded.State.Users.Values
            .GroupBy(user => UserDirectoryRules.ShardOf(user.Id))
            .Select(shard => grains.GetGrain<IUserDirectoryShardGrain>(shard.Key).AddMissingAsync([.. shard])));
        await unsharded.ClearAsync(this);
    }

    public async Task<Page<UserDto>> ListAsync(PageRequest page)
    {
        var shards = Enumerable.Range(0, UserDirectoryRules.ShardCount).Select(shard => grains.GetGrain<IUserDirectoryShardGrain>(shard)).ToArray();
        var sizes = await Task.WhenAll(shards.Select(shard => shard.CountAsync()));
        var slices = UserDirectoryRules.SlicesFor(sizes, (long)page.PageNumber * page.Size, page.Size);
        var parts = await Task.WhenAll(slices.Select(slice => shards[slice.Shard].ListAsync(slice.Skip, slice.Take)));
        return new Page<UserDto>([.. parts.SelectMany(part => part)], page.PageNumber, page.Size, sizes.Sum(size => (long)size));
    }
}
