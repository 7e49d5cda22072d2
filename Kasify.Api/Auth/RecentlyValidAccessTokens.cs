using Microsoft.Extensions.Caching.Memory;

namespace Kasify.Api.Auth;

/// <summary>
/// Personal access tokens (by index key, never the raw token) that authenticated lately. When a client address has
/// spent its budget for unauthenticated requests, only these are still looked up: someone guessing tokens from behind
/// the same proxy or NAT then cannot lock out the people there who hold valid ones. Membership only earns a look-up,
/// so a revoked token still fails at once.
/// </summary>
internal sealed class RecentlyValidAccessTokens : IDisposable
{
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(1);
    private const int Capacity = 50_000;

    private readonly MemoryCache _keys = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public void Remember(string tokenKey) =>
        _keys.Set(tokenKey, true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Remembered });

    public bool Contains(string tokenKey) => _keys.TryGetValue(tokenKey, out _);

    public void Dispose() => _keys.Dispose();
}
