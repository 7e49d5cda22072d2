using System.Text.Json.Serialization;
using Kasify.Api.Json;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Api.Tasks;

/// <summary>
/// A task, as much of it as the caller may see. The owner gets every field. Managers, crew on tasks assigned to them and
/// the public link get every field but the owner-only booking_id, created_at and cancelled_at, which are left out (on the
/// public link access is null). Staff looking at a task assigned to someone else get id, from, to and property only.
/// Fields left out are absent from the JSON, not null.
/// </summary>
/// <param name="Id">The task's id.</param>
/// <param name="PropertyId">The property the task is at.</param>
/// <param name="TaskType">cleaning, maintenance, pool or gardening.</param>
/// <param name="Status">pending, in_progress, completed or cancelled.</param>
/// <param name="AssignedTo">The team member doing the task, if any.</param>
/// <param name="AssignedToName">The assignee's name (or email when they gave no name).</param>
/// <param name="From">When the task starts.</param>
/// <param name="To">When the task must be done.</param>
/// <param name="BookingId">The booking a cleaning task prepares for. Owner only.</param>
/// <param name="Notes">Instructions for the crew.</param>
/// <param name="JobReport">What the crew reported on completion.</param>
/// <param name="StartedAt">When the task was started.</param>
/// <param name="CompletedAt">When the task was completed.</param>
/// <param name="CreatedAt">When the task was created. Owner only.</param>
/// <param name="CancelledAt">When the task was cancelled. Owner only.</param>
/// <param name="Access">The caller's access level on the property; null on the public link.</param>
/// <param name="PublicToken">The token of the task's public link.</param>
/// <param name="Property">The property's id and name.</param>
/// <param name="NextBooking">For a cleaning task, the stay it prepares for (dates and head count only).</param>
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
    NextBookingResponse? NextBooking) : IPartialResponse
{
    private static readonly HashSet<string> OwnerOnly = ["booking_id", "created_at", "cancelled_at"];

    private static readonly HashSet<string> StrippedFields = ["id", "from", "to", "property"];

    /// <summary>How much of the task the caller sees; decides which fields are written.</summary>
    [JsonIgnore]
    public TaskViewScope Scope { get; init; }

    /// <summary>The response for the view the property's task index built for the caller.</summary>
    public static TaskResponse Of(CrewTaskView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var task = view.Task;
        return new(
            task.Id, task.PropertyId, task.TaskType, task.Status, task.AssignedTo, view.AssignedToName, task.From, task.To, task.BookingId,
            task.Notes, task.JobReport, task.StartedAt, task.CompletedAt, task.CreatedAt, task.CancelledAt, view.Access, task.PublicToken,
            new TaskPropertyResponse(task.PropertyId, view.PropertyName), NextBookingResponse.Of(view.NextBooking))
        {
            Scope = view.Scope,
        };
    }

    /// <inheritdoc/>
    public bool Shows(string field) => Scope switch
    {
        TaskViewScope.Owner => true,
        TaskViewScope.Stripped => StrippedFields.Contains(field),
        _ => !OwnerOnly.Contains(field),
    };
}
