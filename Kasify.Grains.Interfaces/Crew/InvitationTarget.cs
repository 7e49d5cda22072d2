namespace Kasify.Grains.Interfaces.Crew;

/// <summary>Where an invitation token leads: the property that holds the invitation, and the invitation's id there.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Crew.InvitationTarget")]
public sealed record InvitationTarget(Guid PropertyId, Guid InvitationId);
