using Kasify.Grains.Interfaces.Crew;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>
/// A finished task's index entry as a yearly task archive keeps it: what lists filter and sort on, who may see it, and
/// whether it is the automatic cleaning task of its booking. The task itself stays in its task grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Tasks.ArchivedTask")]
public sealed record ArchivedTask(
    Guid TaskId,
    CrewService TaskType,
    CrewTaskStatus Status,
    Guid? AssignedTo,
    DateTimeOffset From,
    DateTimeOffset To,
    Guid? BookingId,
    bool ForBooking);
