using Kasify.Grains.Interfaces.Crew;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>What a task grain is created with; the property grain has checked every field.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Tasks.CreateCrewTask")]
public sealed record CreateCrewTask(
    Guid PropertyId,
    CrewService TaskType,
    Guid? AssignedTo,
    DateTimeOffset From,
    DateTimeOffset To,
    Guid? BookingId,
    string? Notes,
    string PublicToken,
    DateTimeOffset CreatedAt);
