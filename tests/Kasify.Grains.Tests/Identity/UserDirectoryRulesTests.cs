using Kasify.Grains.Identity;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Grains.Tests.Identity;

public sealed class UserDirectoryRulesTests
{
    // Worked out independently (Python: hashlib.sha256(uuid.UUID(id).bytes_le), first four bytes big-endian, mod 64).
    // Stored users are placed by these values, so they must never change.
    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", 63)]
    [InlineData("00112233-4455-6677-8899-aabbccddeeff", 44)]
    [InlineData("6f1c9b2e-8a4d-4c3e-9f1a-2b7d5e8c4a10", 38)]
    [InlineData("ffffffff-ffff-ffff-ffff-ffffffffffff", 20)]
    public void AUsersShardIsAFixedFunctionOfItsId(string userId, int shard)
    {
        Assert.Equal(shard, UserDirectoryRules.ShardOf(Guid.Parse(userId)));
    }

    [Fact]
    public void UsersSpreadOverEveryShard()
    {
        var random = new Random(11);
        var perShard = new int[UserDirectoryRules.ShardCount];
        for (var i = 0; i < 6_400; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            perShard[UserDirectoryRules.ShardOf(new Guid(bytes))]++;
        }

        // 100 expected per shard; a hash that ignored most of the id would leave shards empty or crowded.
        Assert.All(perShard, count => Assert.InRange(count, 50, 150));
    }

    [Fact]
    public void APageInsideOneShardIsOneSlice()
    {
        Assert.Equal([new UserDirectorySlice(1, 2, 3)], Slices([5, 10, 5], skip: 7, take: 3));
    }

    [Fact]
    public void APageAcrossShardsTakesTheTailOfOneAndTheHeadsOfTheNextSkippingEmptyOnes()
    {
        Assert.Equal(
            [new UserDirectorySlice(0, 4, 1), new UserDirectorySlice(2, 0, 2), new UserDirectorySlice(4, 0, 1)],
            Slices([5, 0, 2, 0, 9], skip: 4, take: 4));
    }

    [Fact]
    public void APageReachingTheEndIsCutShort()
    {
        Assert.Equal([new UserDirectorySlice(1, 1, 2)], Slices([2, 3], skip: 3, take: 20));
    }

    [Theory]
    [InlineData(5L)]
    [InlineData(6L)]
    [InlineData(long.MaxValue)]
    public void APageBeyondTheLastUserIsEmpty(long skip)
    {
        Assert.Empty(Slices([2, 3], skip, take: 20));
    }

    [Fact]
    public void AnEmptyDirectoryHasNoSlices()
    {
        Assert.Empty(Slices(new int[UserDirectoryRules.ShardCount], skip: 0, take: 20));
    }

    [Fact]
    public void WithinAShardTheOldestComeFirstAndEqualTimesGoById()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var later = User("00000000-0000-0000-0000-000000000001", at.AddMinutes(1));
        var secondAtSameTime = User("00000000-0000-0000-0000-000000000003", at);
        var firstAtSameTime = User("00000000-0000-0000-0000-000000000002", at);

        Assert.Equal([firstAtSameTime, secondAtSameTime, later], UserDirectoryRules.InListOrder([later, secondAtSameTime, firstAtSameTime]));
    }

    // As an array: ImmutableArray compares by reference.
    private static UserDirectorySlice[] Slices(int[] shardSizes, long skip, int take) => [.. UserDirectoryRules.SlicesFor(shardSizes, skip, take)];

    private static UserDto User(string id, DateTimeOffset createdAt) => new(Guid.Parse(id), Guid.NewGuid(), null, null, null, null, "en", createdAt);
}
