namespace Kasify.Grains.Interfaces.Identity;

/// <summary>Creates a user record with its own new account; sent once by the subject index.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Identity.InitializeUser")]
public sealed record InitializeUser(Guid AccountId, string? Email, string? FirstName, string? LastName, string Locale);
