using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Identity;

internal sealed partial class AccessTokenIndexGrain(
    [PersistentState("accessToken", StorageNames.Kasify)] IPersistentState<AccessTokenIndexState> state,
    TimeProvider time,
    ILogger<AccessTokenIndexGrain> logger) : Grain, IAccessTokenIndexGrain
{
    // Recording every use would turn each authenticated request into a storage write.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task RegisterAsync(AccessTokenIdentity identity, DateTimeOffset? expiresAt)
    {
        state.State.TokenId = identity.TokenId;
        state.State.UserId = identity.UserId;
        state.State.ExpiresAt = expiresAt;
        state.State.LastUsedAt = null;
        await state.SaveAsync(this);
    }

    public async Task<AccessTokenIdentity?> AuthenticateAsync()
    {
        if (!state.RecordExists)
        {
            // Unknown hashes are what guessing produces: don't keep an activation around for each one.
            DeactivateOnIdle();
            return null;
        }

        var now = time.GetUtcNow();
        if (state.State.ExpiresAt <= now)
        {
            return null;
        }

        if (state.State.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
        {
            await RecordUseAsync(now);
        }

        return new AccessTokenIdentity(state.State.TokenId, state.State.UserId);
    }

    public Task<DateTimeOffset?> GetLastUsedAtAsync() => Task.FromResult(state.RecordExists ? state.State.LastUsedAt : null);

    public async Task RevokeAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearAsync(this);
        }
    }

    // "Last used" is informational: a storage hiccup while recording it must not turn a valid token into a failed login.
    // (A version conflict also lands here; Orleans then deactivates the grain, which reloads on its next call.)
    private async Task RecordUseAsync(DateTimeOffset now)
    {
        var previous = state.State.LastUsedAt;
        state.State.LastUsedAt = now;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            state.State.LastUsedAt = previous;
            LogLastUsedNotRecorded(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the last use of a personal access token")]
    private partial void LogLastUsedNotRecorded(Exception exception);
}
