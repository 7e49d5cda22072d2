namespace Kasify.Grains.Interfaces.Identity;

/// <summary>Registers the caller of a validated OIDC token, with the profile claims the token carried.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Identity.RegisterUser")]
public sealed record RegisterUser(string Issuer, string Subject, string? Email, string? FirstName, string? LastName, string Locale);
