using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Interfaces.Crew;

/// <summary>
/// A member of a property's team: the user, their name and email as their profile has them, their access level and
/// service, and when they joined (the owner: when the property was created).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Crew.CrewMemberDto")]
public sealed record CrewMemberDto(
    Guid UserId,
    string? Name,
    string? Email,
    AccessLevel AccessLevel,
    CrewService? Service,
    DateTimeOffset? JoinedAt);
