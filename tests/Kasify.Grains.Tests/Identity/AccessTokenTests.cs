using Kasify.Grains.Identity;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kasify.Grains.Tests.Identity;

public sealed class AccessTokenTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task ACreatedTokenAuthenticatesAsItsUserAndIsListedByPrefixOnly()
    {
        var user = await _grains.RegisterNewUserAsync();
        var userGrain = _grains.GetGrain<IUserGrain>(user.Id);

        var created = await userGrain.CreateAccessTokenAsync(new CreateAccessToken("ci", null));
        var identity = await _grains.GetGrain<IAccessTokenIndexGrain>(AccessTokenKeys.For(created.Token)).AuthenticateAsync();
        var listed = Assert.Single(await userGrain.ListAccessTokensAsync());

        Assert.StartsWith(AccessTokenKeys.TokenPrefix, created.Token);
        Assert.True(created.Token.Length >= 40);
        Assert.Equal(new AccessTokenIdentity(created.Id, user.Id), identity);
        Assert.Equal(created.Id, listed.Id);
        Assert.Equal(created.Token[..AccessTokenKeys.DisplayPrefixLength], listed.TokenPrefix);
        Assert.NotNull(listed.LastUsedAt);
    }

    [Fact]
    public async Task ARevokedTokenStopsAuthenticatingAtOnce()
    {
        var user = await _grains.RegisterNewUserAsync();
        var userGrain = _grains.GetGrain<IUserGrain>(user.Id);
        var created = await userGrain.CreateAccessTokenAsync(new CreateAccessToken("ci", null));

        await userGrain.RevokeAccessTokenAsync(created.Id);

        Assert.Null(await _grains.GetGrain<IAccessTokenIndexGrain>(AccessTokenKeys.For(created.Token)).AuthenticateAsync());
        Assert.Empty(await userGrain.ListAccessTokensAsync());
        var error = await Assert.ThrowsAsync<NotFoundException>(() => userGrain.RevokeAccessTokenAsync(created.Id));
        Assert.Equal("token.not_found", error.Code);
    }

    [Fact]
    public async Task AnUnknownTokenDoesNotAuthenticate()
    {
        Assert.Null(await _grains.GetGrain<IAccessTokenIndexGrain>(AccessTokenKeys.For("kas_pat_unknown")).AuthenticateAsync());
    }

    [Fact]
    public async Task ATokenWithAPastExpiryIsRejected()
    {
        var user = await _grains.RegisterNewUserAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            _grains.GetGrain<IUserGrain>(user.Id).CreateAccessTokenAsync(new CreateAccessToken("old", DateTimeOffset.UtcNow.AddMinutes(-1))));

        Assert.Contains("expires_at", error.Errors.Keys);
    }

    [Fact]
    public async Task ExpiredTokensArePrunedWhenTheNextOneIsCreated()
    {
        var user = await _grains.RegisterNewUserAsync();
        var userGrain = _grains.GetGrain<IUserGrain>(user.Id);
        var shortLived = await userGrain.CreateAccessTokenAsync(new CreateAccessToken("short", DateTimeOffset.UtcNow.AddSeconds(1)));
        var index = _grains.GetGrain<IAccessTokenIndexGrain>(AccessTokenKeys.For(shortLived.Token));
        while (await index.AuthenticateAsync() is not null)
        {
            await Task.Delay(100);
        }

        await userGrain.CreateAccessTokenAsync(new CreateAccessToken("next", null));

        var row = new GrainState<UserState>(new UserState());
        await fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify)
            .ReadStateAsync("user", userGrain.GetGrainId(), row);
        Assert.Equal(["next"], row.State!.Tokens.Select(token => token.Name));
    }
}
