using System.ComponentModel.DataAnnotations;
using Kasify.Api.Json;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Api.Tasks;

/// <summary>The body of a task create (v-new fields): the task starts pending.</summary>
internal sealed class TaskRequest : IValidatableRequest
{
    /// <summary>The property the work is at.</summary>
    [Required]
    public Guid? PropertyId { get; init; }

    /// <summary>cleaning, maintenance, pool or gardening.</summary>
    [Required]
    public CrewService? TaskType { get; init; }

    /// <summary>When the work may start (ISO-8601 date-time with offset).</summary>
    [Required]
    public DateTimeOffset? From { get; init; }

    /// <summary>When it should be done; after <c>from</c>.</summary>
    [Required]
    public DateTimeOffset? To { get; init; }

    /// <summary>A booking of the property the task belongs to.</summary>
    public Guid? BookingId { get; init; }

    /// <summary>A member of the property's team.</summary>
    public Guid? AssignedTo { get; init; }

    /// <summary>Instructions for the assignee.</summary>
    [MaxLength(TaskLimits.TextLength), FreeText]
    public string? Notes { get; init; }

    /// <summary>The grain command; the required fields are checked by then.</summary>
    public NewCrewTask ToCommand() => new(TaskType!.Value, From!.Value, To!.Value, BookingId, AssignedTo, Notes);
}
