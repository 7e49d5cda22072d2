namespace Kasify.Grains.Interfaces.Identity;

/// <summary>A token just created: the only place its raw <see cref="Token"/> value ever appears.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Identity.CreatedAccessTokenDto")]
public sealed record CreatedAccessTokenDto(
    Guid Id,
    string Name,
    string Token,
    string TokenPrefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
