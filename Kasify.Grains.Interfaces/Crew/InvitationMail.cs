namespace Kasify.Grains.Interfaces.Crew;

/// <summary>What an invitation email says: to whom, in which locale, for which property, role and code.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Crew.InvitationMail")]
public sealed record InvitationMail(
    Guid InvitationId,
    string To,
    string Locale,
    string PropertyName,
    string AccessLevel,
    string Token,
    DateTimeOffset ExpiresAt);
