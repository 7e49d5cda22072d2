namespace Kasify.Grains.Interfaces.Identity;

/// <summary>Creates a personal access token with a display name and an optional expiry.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Identity.CreateAccessToken")]
public sealed record CreateAccessToken(string Name, DateTimeOffset? ExpiresAt);
