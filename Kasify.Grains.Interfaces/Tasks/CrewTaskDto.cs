using Kasify.Grains.Interfaces.Crew;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>
/// A task as its grain holds it, every field included. Callers never get this directly over HTTP: the property grain
/// turns it into a <see cref="CrewTaskView"/> for the caller's role.
/// </summary>
/// <param name="Id">The task id.</param>
/// <param name="PropertyId">The property the work is at.</param>
/// <param name="TaskType">cleaning, maintenance, pool or gardening.</param>
/// <param name="Status">Lifecycle state.</param>
/// <param name="AssignedTo">The member doing the work.</param>
/// <param name="From">When the work may start.</param>
/// <param name="To">When it should be done.</param>
/// <param name="BookingId">The booking whose checkout an automatic cleaning task follows, or the booking the owner linked.</param>
/// <param name="Notes">Instructions.</param>
/// <param name="JobReport">What was done.</param>
/// <param name="StartedAt">When it was started.</param>
/// <param name="CompletedAt">When it was completed.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CancelledAt">When it was cancelled.</param>
/// <param name="PublicToken">The high-entropy token of the task's shared link.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Tasks.CrewTaskDto")]
public sealed record CrewTaskDto(
    Guid Id,
    Guid PropertyId,
    CrewService TaskType,
    CrewTaskStatus Status,
    Guid? AssignedTo,
    DateTimeOffset From,
    DateTimeOffset To,
    Guid? BookingId,
    string? Notes,
    string? JobReport,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    string PublicToken);
