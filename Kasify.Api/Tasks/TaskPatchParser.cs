using System.Collections.Immutable;
using Kasify.Api.Common;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Api.Tasks;

/// <summary>Reads a JSON merge patch (RFC 7396) of a task: absent fields stay, null clears, others replace.</summary>
internal static class TaskPatchParser
{
    // Fields of a task response that Kasify sets; a client that sends one back is told so rather than "unknown".
    private static readonly ImmutableHashSet<string> ReadOnlyFields =
    [
        "id", "property_id", "task_type", "booking_id", "assigned_to_name", "started_at", "completed_at", "created_at",
        "cancelled_at", "access", "public_token", "property", "next_booking",
    ];

    public static CrewTaskPatch Parse(MergePatchDocument document)
    {
        document.Reject(ReadOnlyFields, "Read-only; set by Kasify.");
        var patch = new CrewTaskPatch(
            document.Read<Guid?>("assigned_to"),
            document.ReadFreeText("notes"),
            document.Read<CrewTaskStatus?>("status"),
            document.ReadFreeText("job_report"),
            document.Read<DateTimeOffset?>("from"),
            document.Read<DateTimeOffset?>("to"));
        document.EnsureValid();
        return patch;
    }
}
