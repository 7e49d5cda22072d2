using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Api.Tasks;

/// <summary>A task as its property's owner sees it: every field, the owner-only booking_id, created_at and cancelled_at included.</summary>
internal sealed record TaskResponse(
    Guid Id,
    Guid PropertyId,
    CrewService TaskType,
    CrewTaskStatus Status,
    Guid? AssignedTo,
    string? AssignedToName,
    DateTimeOffset From,
    DateTimeOffset To,
    Guid? BookingId,
    string? Notes,
    string? JobReport,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    AccessLevel? Access,
    string PublicToken,
    TaskPropertyResponse Property,
    NextBookingResponse? NextBooking)
{
    public static TaskResponse Of(CrewTaskView view)
    {
        var task = view.Task;
        return new(
            task.Id, task.PropertyId, task.TaskType, task.Status, task.AssignedTo, view.AssignedToName, task.From, task.To, task.BookingId,
            task.Notes, task.JobReport, task.StartedAt, task.CompletedAt, task.CreatedAt, task.CancelledAt, view.Access, task.PublicToken,
            new TaskPropertyResponse(task.PropertyId, view.PropertyName), NextBookingResponse.Of(view.NextBooking));
    }
}
