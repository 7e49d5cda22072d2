using System.Buffers;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Auth;

/// <summary>Reads the token of an <c>Authorization: Bearer …</c> header.</summary>
internal static class BearerToken
{
    private const string Prefix = "Bearer ";

    // A minted token is the prefix and 32 random bytes in unpadded URL-safe Base64 (Kasify.Grains AccessTokenRules).
    private const int PersonalAccessTokenSecretLength = 43;

    private static readonly SearchValues<char> Base64UrlCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Prefix.Length..].Trim();
        return token.Length > 0 ? token : null;
    }

    /// <summary>The token claims to be a personal access token (it has the prefix), whatever its shape.</summary>
    public static bool IsPersonalAccessToken(string token) => token.StartsWith(AccessTokenKeys.TokenPrefix, StringComparison.Ordinal);

    /// <summary>The token is shaped exactly like a minted personal access token, so it is worth looking up.</summary>
    public static bool IsWellFormedPersonalAccessToken(string token) =>
        IsPersonalAccessToken(token)
        && token.Length == AccessTokenKeys.TokenPrefix.Length + PersonalAccessTokenSecretLength
        && !token.AsSpan(AccessTokenKeys.TokenPrefix.Length).ContainsAnyExcept(Base64UrlCharacters);
}
