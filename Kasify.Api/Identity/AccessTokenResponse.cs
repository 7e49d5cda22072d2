using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Identity;

/// <summary>A personal access token as listed; the raw value is never included.</summary>
internal sealed record AccessTokenResponse(
    Guid Id,
    string Name,
    string TokenPrefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt)
{
    public static AccessTokenResponse From(AccessTokenDto token) =>
        new(token.Id, token.Name, token.TokenPrefix, token.CreatedAt, token.LastUsedAt, token.ExpiresAt);
}
