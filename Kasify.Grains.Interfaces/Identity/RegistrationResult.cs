namespace Kasify.Grains.Interfaces.Identity;

/// <summary>The registered user, and whether this call created it.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Identity.RegistrationResult")]
public sealed record RegistrationResult(UserDto User, bool Created);
