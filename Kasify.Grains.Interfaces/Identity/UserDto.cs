namespace Kasify.Grains.Interfaces.Identity;

/// <summary>A Kasify user as its owner sees it.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Identity.UserDto")]
public sealed record UserDto(
    Guid Id,
    Guid AccountId,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    string Locale,
    DateTimeOffset CreatedAt);
