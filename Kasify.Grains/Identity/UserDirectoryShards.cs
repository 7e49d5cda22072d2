using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Grains.Identity;

/// <summary>Finds a user's directory shard.</summary>
internal static class UserDirectoryShards
{
    /// <summary>The shard that holds <paramref name="userId"/>'s directory entry (<see cref="UserDirectoryRules.ShardOf"/>).</summary>
    public static IUserDirectoryShardGrain GetUserDirectoryShard(this IGrainFactory grains, Guid userId) =>
        grains.GetGrain<IUserDirectoryShardGrain>(UserDirectoryRules.ShardOf(userId));
}
