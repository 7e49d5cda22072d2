using Kasify.Grains.Interfaces.Crew;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>A task a person creates by hand (POST /tasks); the task starts pending.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Tasks.NewCrewTask")]
public sealed record NewCrewTask(
    CrewService TaskType,
    DateTimeOffset From,
    DateTimeOffset To,
    Guid? BookingId,
    Guid? AssignedTo,
    string? Notes);
