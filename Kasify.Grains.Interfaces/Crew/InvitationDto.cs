using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Interfaces.Crew;

/// <summary>
/// An invitation to a property's team. <see cref="Token"/> is the code the invitee accepts with, null where the caller may
/// not see it (a manager listing manager invitations); <see cref="AcceptedAt"/> is the latest accept, null while nobody
/// has accepted.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Crew.InvitationDto")]
public sealed record InvitationDto(
    Guid Id,
    Guid PropertyId,
    string? Token,
    int Uses,
    DateTimeOffset CreatedAt,
    AccessLevel AccessLevel,
    CrewService? Service,
    string Locale,
    string? Email,
    int MaxUses,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt);
