using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Api.Tasks;

/// <summary>
/// The body of a task update, as a JSON merge patch; only present fields change. Documented for the OpenAPI schema;
/// <see cref="TaskPatchParser"/> reads the body.
/// </summary>
internal sealed class TaskPatchRequest
{
    /// <summary>A member of the property's team, or null to unassign (owner only).</summary>
    public Guid? AssignedTo { get; init; }

    /// <summary>Instructions (owner only).</summary>
    public string? Notes { get; init; }

    /// <summary>pending, in_progress, completed or cancelled, along the lifecycle (owner only).</summary>
    public CrewTaskStatus? Status { get; init; }

    /// <summary>What was done (owner, manager or assignee).</summary>
    public string? JobReport { get; init; }

    /// <summary>When the work may start (owner only).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>When it should be done (owner only).</summary>
    public DateTimeOffset? To { get; init; }
}
