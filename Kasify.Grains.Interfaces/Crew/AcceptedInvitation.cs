namespace Kasify.Grains.Interfaces.Crew;

/// <summary>The property an accepted invitation gave the caller access to.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Crew.AcceptedInvitation")]
public sealed record AcceptedInvitation(Guid PropertyId, string PropertyName);
