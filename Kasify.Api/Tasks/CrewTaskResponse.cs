using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Api.Tasks;

/// <summary>
/// A task as a manager, its assignee or a shared link sees it: the owner-only booking_id, created_at and cancelled_at are
/// left out. On the public view access is null.
/// </summary>
internal sealed record CrewTaskResponse(
    Guid Id,
    Guid PropertyId,
    CrewService TaskType,
    CrewTaskStatus Status,
    Guid? AssignedTo,
    string? AssignedToName,
    DateTimeOffset From,
    DateTimeOffset To,
    string? Notes,
    string? JobReport,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    AccessLevel? Access,
    string PublicToken,
    TaskPropertyResponse Property,
    NextBookingResponse? NextBooking)
{
    public static CrewTaskResponse Of(CrewTaskView view)
    {
        var task = view.Task;
        return new(
            task.Id, task.PropertyId, task.TaskType, task.Status, task.AssignedTo, view.AssignedToName, task.From, task.To, task.Notes,
            task.JobReport, task.StartedAt, task.CompletedAt, view.Access, task.PublicToken,
            new TaskPropertyResponse(task.PropertyId, view.PropertyName), NextBookingResponse.Of(view.NextBooking));
    }
}
