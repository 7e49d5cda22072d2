using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Identity;

/// <summary>
/// One of the 64 shards of the user directory: the users whose id hashes to it (a SHA-256 of the id's bytes, so the
/// choice is the same in every process and version). Key: the shard number, 0 to 63. Registration and profile changes
/// write only their user's shard; <see cref="IUserDirectoryGrain"/> pages across all of them.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Identity.IUserDirectoryShardGrain")]
public interface IUserDirectoryShardGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or refreshes a user's entry.</summary>
    [Alias("UpsertAsync")]
    Task UpsertAsync(UserDto user);

    /// <summary>
    /// Adds the users this shard does not hold yet and leaves the entries it holds as they are: those were written by
    /// a registration or profile change, so they are newer than anything handed over from the unsharded directory.
    /// </summary>
    [Alias("AddMissingAsync")]
    Task AddMissingAsync(ImmutableArray<UserDto> users);

    /// <summary>How many users the shard holds.</summary>
    [ReadOnly]
    [Alias("CountAsync")]
    Task<int> CountAsync();

    /// <summary>The shard's users, oldest first (creation time, then id), after skipping <paramref name="skip"/> of them.</summary>
    [ReadOnly]
    [Alias("ListAsync")]
    Task<ImmutableArray<UserDto>> ListAsync(int skip, int take);
}
