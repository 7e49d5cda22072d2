using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Identity;

/// <summary>
/// Resolves a personal access token to its user. Key: <see cref="AccessTokenKeys.For"/> ("pat:" + SHA-256 of the raw
/// token), so the raw value is never stored anywhere.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Identity.IAccessTokenIndexGrain")]
public interface IAccessTokenIndexGrain : IGrainWithStringKey
{
    /// <summary>Binds the hash to a token; called once by the user grain that created it.</summary>
    [Alias("RegisterAsync")]
    Task RegisterAsync(AccessTokenIdentity identity, DateTimeOffset? expiresAt);

    /// <summary>The token's identity, or null when unknown, revoked or expired. Records the time of use.</summary>
    [Alias("AuthenticateAsync")]
    Task<AccessTokenIdentity?> AuthenticateAsync();

    /// <summary>When the token was last used to authenticate, if ever.</summary>
    [ReadOnly]
    [Alias("GetLastUsedAtAsync")]
    Task<DateTimeOffset?> GetLastUsedAtAsync();

    /// <summary>Forgets the token: the next authentication fails.</summary>
    [Alias("RevokeAsync")]
    Task RevokeAsync();
}
