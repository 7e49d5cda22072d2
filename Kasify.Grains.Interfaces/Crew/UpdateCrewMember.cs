using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Interfaces.Crew;

/// <summary>
/// A change to a member: a new access level (null: unchanged) and the service (unset: unchanged; set to null: none).
/// Becoming a manager drops the service, which only goes with staff and contractor access.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Crew.UpdateCrewMember")]
public sealed record UpdateCrewMember(AccessLevel? AccessLevel, Patch<CrewService?> Service);
