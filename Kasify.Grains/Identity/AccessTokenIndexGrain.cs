using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Grains.Identity;

internal sealed class AccessTokenIndexGrain(
    [PersistentState("accessToken", StorageNames.Kasify)] IPersistentState<AccessTokenIndexState> state,
    TimeProvider time) : Grain, IAccessTokenIndexGrain
{
    // Recording every use would turn each authenticated request into a storage write.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task RegisterAsync(AccessTokenIdentity identity, DateTimeOffset? expiresAt)
    {
        state.State.TokenId = identity.TokenId;
        state.State.UserId = identity.UserId;
        state.State.ExpiresAt = expiresAt;
        state.State.LastUsedAt = null;
        await state.WriteStateAsync();
    }

    public async Task<AccessTokenIdentity?> AuthenticateAsync()
    {
        var now = time.GetUtcNow();
        if (!state.RecordExists || state.State.ExpiresAt <= now)
        {
            return null;
        }

        if (state.State.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
        {
            state.State.LastUsedAt = now;
            await state.WriteStateAsync();
        }

        return new AccessTokenIdentity(state.State.TokenId, state.State.UserId);
    }

    public Task<DateTimeOffset?> GetLastUsedAtAsync() => Task.FromResult(state.RecordExists ? state.State.LastUsedAt : null);

    public async Task RevokeAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }
    }
}
