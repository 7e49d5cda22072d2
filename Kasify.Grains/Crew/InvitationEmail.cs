namespace Kasify.Grains.Crew;

/// <summary>What an invitation email says: to whom, in which locale, for which property, role and code.</summary>
internal sealed record InvitationEmail(
    Guid InvitationId,
    string To,
    string Locale,
    string PropertyName,
    string AccessLevel,
    string Token,
    DateTimeOffset ExpiresAt);
