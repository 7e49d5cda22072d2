using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Crew;

/// <summary>One invitation as the property stores it. The token is kept: owners list invitations to share their codes.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Crew.PropertyInvitation")]
internal sealed class PropertyInvitation
{
    [Id(0)]
    public Guid Id { get; set; }

    [Id(1)]
    public string Token { get; set; } = "";

    [Id(2)]
    public AccessLevel AccessLevel { get; set; }

    [Id(3)]
    public CrewService? Service { get; set; }

    [Id(4)]
    public string? Email { get; set; }

    [Id(5)]
    public string Locale { get; set; } = "en";

    [Id(6)]
    public int MaxUses { get; set; }

    [Id(7)]
    public DateTimeOffset ExpiresAt { get; set; }

    [Id(8)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(9)]
    public Guid CreatedBy { get; set; }

    [Id(10)]
    public int Uses { get; set; }

    [Id(11)]
    public DateTimeOffset? AcceptedAt { get; set; }

    [Id(12)]
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Who accepted and when; a member's join time is read from here.</summary>
    [Id(13)]
    public Dictionary<Guid, DateTimeOffset> AcceptedBy { get; set; } = [];

    public InvitationDto ToDto(Guid propertyId) => new(
        Id, propertyId, Token, Uses, CreatedAt, AccessLevel, Service, Locale, Email, MaxUses, ExpiresAt, AcceptedAt);
}
