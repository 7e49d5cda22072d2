using Kasify.Grains.Interfaces.Common;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Identity;

/// <summary>
/// The list of every user, for administrators, paged across the <see cref="IUserDirectoryShardGrain"/> shards. A single
/// activation: key <see cref="Key"/>. Before the directory was sharded this grain held every user itself; on activation
/// it hands what it still holds to the shards and forgets it.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Identity.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The one directory's key.</summary>
    const long Key = 0;

    /// <summary>
    /// One page of users, in a stable order: by shard (see <see cref="IUserDirectoryShardGrain"/>), then oldest first
    /// within a shard (creation time, then id). A new user takes its place in its shard, so pages after it shift by one.
    /// </summary>
    [ReadOnly]
    [Alias("ListAsync")]
    Task<Page<UserDto>> ListAsync(PageRequest page);
}
