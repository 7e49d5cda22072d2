using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Interfaces.Identity;

/// <summary>A user's role on one property.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Identity.PropertyMembership")]
public sealed record PropertyMembership(Guid PropertyId, AccessLevel AccessLevel);
