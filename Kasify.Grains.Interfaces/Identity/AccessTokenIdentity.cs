namespace Kasify.Grains.Interfaces.Identity;

/// <summary>Who a personal access token belongs to.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Identity.AccessTokenIdentity")]
public sealed record AccessTokenIdentity(Guid TokenId, Guid UserId);
