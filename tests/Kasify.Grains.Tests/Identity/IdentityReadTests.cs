using System.Reflection;
using Kasify.Grains.Interfaces.Identity;
using Orleans.Concurrency;

namespace Kasify.Grains.Tests.Identity;

/// <summary>Reads of identity grains interleave with each other instead of queueing one behind the other.</summary>
public sealed class IdentityReadTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    // A bound on the wait, not a measurement: without interleaving the reads cannot finish while the first one is held.
    private static readonly TimeSpan DeadlockGuard = TimeSpan.FromSeconds(20);

    private readonly IGrainFactory _grains = fixture.Grains;

    [Theory]
    [InlineData(typeof(IUserGrain), new[] { "GetAsync", "GetAccountAsync", "ListAccessTokensAsync", "GetMembershipsAsync" })]
    [InlineData(typeof(ISubjectIndexGrain), new[] { "GetUserIdAsync" })]
    [InlineData(typeof(IAccessTokenIndexGrain), new[] { "GetLastUsedAtAsync" })]
    [InlineData(typeof(IUserDirectoryGrain), new[] { "ListAsync" })]
    [InlineData(typeof(IUserDirectoryShardGrain), new[] { "CountAsync", "ListAsync" })]
    public void ExactlyThePureReadsAreReadOnly(Type grainInterface, string[] reads)
    {
        // AuthenticateAsync looks like a read but records the time of use, and so must keep the grain to itself.
        var readOnly = grainInterface.GetMethods().Where(method => method.GetCustomAttribute<ReadOnlyAttribute>() is not null).Select(method => method.Name);

        Assert.Equal(reads.Order(), readOnly.Order());
    }

    [Fact]
    public async Task AUsersReadsAreAnsweredWhileATokenListingWaits()
    {
        var user = await _grains.RegisterNewUserAsync();
        var userGrain = _grains.GetGrain<IUserGrain>(user.Id);
        var token = await userGrain.CreateAccessTokenAsync(new CreateAccessToken("ci", null));

        Task<UserDto?> profile;
        Task waiting;
        using (var hold = fixture.GrainCalls.HoldCallsTo(_grains.GetGrain<IAccessTokenIndexGrain>(AccessTokenKeys.For(token.Token)).GetGrainId()))
        {
            waiting = userGrain.ListAccessTokensAsync();
            await hold.Entered.WaitAsync(DeadlockGuard);

            profile = userGrain.GetAsync();
            var memberships = userGrain.GetMembershipsAsync();
            var account = userGrain.GetAccountAsync();
            await Task.WhenAll(profile, memberships, account).WaitAsync(DeadlockGuard);
            Assert.False(waiting.IsCompleted);
        }

        await waiting;
        Assert.Equal(user, await profile);
    }
}
