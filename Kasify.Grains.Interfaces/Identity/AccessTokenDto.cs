namespace Kasify.Grains.Interfaces.Identity;

/// <summary>A personal access token as listed: never the raw value, only its prefix.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Identity.AccessTokenDto")]
public sealed record AccessTokenDto(
    Guid Id,
    string Name,
    string TokenPrefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt);
