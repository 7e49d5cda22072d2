using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Interfaces.Crew;

/// <summary>
/// A new invitation: the access level it grants (manager, staff or contractor), optionally the service that goes with
/// staff and contractor access, the email it is bound to, how often it may be used (null: once), when it expires (null:
/// seven days after creation) and the locale of its email (<c>en</c> or <c>es</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Crew.CreateInvitation")]
public sealed record CreateInvitation(
    AccessLevel AccessLevel,
    CrewService? Service,
    string? Email,
    int? MaxUses,
    DateTimeOffset? ExpiresAt,
    string Locale);
