using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Identity;

/// <summary>A token just created, including its raw value: shown this once, store it securely.</summary>
internal sealed record CreatedAccessTokenResponse(
    Guid Id,
    string Name,
    string Token,
    string TokenPrefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt)
{
    public static CreatedAccessTokenResponse From(CreatedAccessTokenDto token) =>
        new(token.Id, token.Name, token.Token, token.TokenPrefix, token.CreatedAt, token.ExpiresAt);
}
