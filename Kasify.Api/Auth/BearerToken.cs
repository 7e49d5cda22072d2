using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Auth;

/// <summary>Reads the token of an <c>Authorization: Bearer …</c> header.</summary>
internal static class BearerToken
{
    private const string Prefix = "Bearer ";

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

    public static bool IsPersonalAccessToken(string token) => token.StartsWith(AccessTokenKeys.TokenPrefix, StringComparison.Ordinal);
}
