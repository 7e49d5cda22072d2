using System.Security.Claims;
using Kasify.Api.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Kasify.Api.Auth;

/// <summary>
/// Principals of identity-provider tokens this process validated lately, keyed by the token itself. A client sends the
/// same token with every request until it expires; checking its signature, issuer, audience and claims again each time
/// was a third of a read's cost in the API host. An entry lives until the token expires and at most
/// <see cref="MaxKept"/>, and the cache empties whenever the JWT settings (issuer, audiences, signing keys) change, so a
/// removed key stops counting at once.
/// </summary>
internal sealed class ValidatedJwtCache : IDisposable
{
    /// <summary>How long a validated token is trusted without a new check, at most.</summary>
    public static readonly TimeSpan MaxKept = TimeSpan.FromMinutes(5);

    private const int Capacity = 20_000;

    private readonly MemoryCache _principals;
    private readonly TimeProvider _time;
    private readonly IDisposable? _settingsChanges;

    public ValidatedJwtCache(IOptionsMonitor<JwtBearerOptions> settings, TimeProvider time)
    {
        _time = time;
        _principals = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity, Clock = new TimeProviderClock(time) });
        _settingsChanges = settings.OnChange((_, name) =>
        {
            if (name == KasifyAuthSchemes.Jwt)
            {
                _principals.Clear();
            }
        });
    }

    /// <summary>A copy of the principal the token was validated to, if it was validated lately and is still valid.</summary>
    public bool TryGet(string token, out ClaimsPrincipal principal)
    {
        if (_principals.TryGetValue(token, out Entry? entry) && entry is not null && _time.GetUtcNow() < entry.ValidTo)
        {
            // Each request gets its own copy: handlers after authentication may add identities or claims.
            principal = Copy(entry.Principal);
            return true;
        }

        principal = null!;
        return false;
    }

    /// <summary>Remembers a token that passed every check, until <paramref name="validTo"/> and at most <see cref="MaxKept"/>.</summary>
    public void Remember(string token, ClaimsPrincipal principal, DateTimeOffset validTo)
    {
        var now = _time.GetUtcNow();
        var until = validTo < now + MaxKept ? validTo : now + MaxKept;
        if (until <= now)
        {
            return;
        }

        _principals.Set(token, new Entry(Copy(principal), until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
    }

    public void Dispose()
    {
        _settingsChanges?.Dispose();
        _principals.Dispose();
    }

    // ClaimsPrincipal.Clone shares its identities; a copy that a request may change needs copies of them.
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity => identity.Clone()));

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ValidTo);
}
