using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Grains.Identity;

/// <summary>Which shard of the user directory holds a user, and which shard slices make up one page of the directory.</summary>
internal static class UserDirectoryRules
{
    /// <summary>Number of directory shards. Every stored user is placed by it: changing it strands them in the wrong shard.</summary>
    public const int ShardCount = 64;

    /// <summary>
    /// The shard of a user: the first four bytes (big-endian) of the SHA-256 of the id's 16 bytes (in
    /// <see cref="Guid.TryWriteBytes(Span{byte})"/> order), modulo <see cref="ShardCount"/>. Unlike a runtime hash
    /// code, this is the same in every process and every .NET version, and it spreads ids of any GUID version evenly.
    /// </summary>
    public static int ShardOf(Guid userId)
    {
        Span<byte> id = stackalloc byte[16];
        userId.TryWriteBytes(id);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(id, hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % ShardCount);
    }

    /// <summary>The order of users within a shard: oldest first, then by id.</summary>
    public static IEnumerable<UserDto> InListOrder(IEnumerable<UserDto> users) =>
        users.OrderBy(user => user.CreatedAt).ThenBy(user => user.Id);

    /// <summary>
    /// The slices, in shard order, that hold at most <paramref name="take"/> users from position <paramref name="skip"/>
    /// of the whole directory, which lists shard 0's users, then shard 1's, and so on; <paramref name="shardSizes"/>
    /// gives how many users each shard holds.
    /// </summary>
    public static ImmutableArray<UserDirectorySlice> SlicesFor(IReadOnlyList<int> shardSizes, long skip, int take)
    {
        var slices = ImmutableArray.CreateBuilder<UserDirectorySlice>();
        long shardStart = 0;
        for (var shard = 0; shard < shardSizes.Count && take > 0; shard++)
        {
            var size = shardSizes[shard];
            var from = Math.Max(0, skip - shardStart);
            if (from < size)
            {
                var count = Math.Min(size - (int)from, take);
                slices.Add(new UserDirectorySlice(shard, (int)from, count));
                take -= count;
            }

            shardStart += size;
        }

        return slices.ToImmutable();
    }
}
