namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>How much of a task a caller sees.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Tasks.TaskViewScope")]
public enum TaskViewScope
{
    /// <summary>Everything, owner-only fields (booking_id, created_at, cancelled_at) included.</summary>
    Owner = 0,

    /// <summary>Everything but the owner-only fields: managers, and crew on tasks assigned to them.</summary>
    Crew = 1,

    /// <summary>Only id, from, to and property: staff looking at a task assigned to someone else.</summary>
    Stripped = 2,

    /// <summary>The shared-link view: as <see cref="Crew"/>, with no caller and no access level.</summary>
    Public = 3,
}
