using System.Security.Cryptography;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Grains.Identity;

/// <summary>How personal access tokens are minted and which requests for them are acceptable.</summary>
internal static class AccessTokenRules
{
    /// <summary>More active tokens than this per user is a sign of a leak, not of use.</summary>
    public const int MaxActiveTokens = 50;

    public const int MaxNameLength = 100;

    /// <summary>"kas_pat_" followed by 32 random bytes in URL-safe Base64 (256 bits of entropy).</summary>
    public static string NewRawToken() =>
        AccessTokenKeys.TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string DisplayPrefix(string rawToken) => rawToken[..AccessTokenKeys.DisplayPrefixLength];

    public static bool IsActive(AccessTokenRecord token, DateTimeOffset now) => token.ExpiresAt is not { } expires || expires > now;

    public static void EnsureValid(CreateAccessToken command, DateTimeOffset now, int activeTokens)
    {
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Length > MaxNameLength)
        {
            throw new RequestValidationException("validation.failed", "name", $"The name is required and at most {MaxNameLength} characters.");
        }

        if (command.ExpiresAt is { } expires && expires <= now)
        {
            throw new RequestValidationException("validation.failed", "expires_at", "The expiry must be in the future.");
        }

        if (activeTokens >= MaxActiveTokens)
        {
            throw new ConflictException("token.limit", $"A user may hold at most {MaxActiveTokens} active tokens; revoke one first.");
        }
    }
}
