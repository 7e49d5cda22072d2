using Kasify.Grains.Interfaces.Common;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>
/// A task update (PATCH /tasks/{id}): only fields that are set change. The owner may set every field; managers and the
/// assignee only <see cref="JobReport"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Tasks.CrewTaskPatch")]
public sealed record CrewTaskPatch(
    Patch<Guid?> AssignedTo,
    Patch<string> Notes,
    Patch<CrewTaskStatus?> Status,
    Patch<string> JobReport,
    Patch<DateTimeOffset?> From,
    Patch<DateTimeOffset?> To)
{
    /// <summary>Whether the patch touches anything but the job report.</summary>
    public bool ChangesMoreThanJobReport => AssignedTo.IsSet || Notes.IsSet || Status.IsSet || From.IsSet || To.IsSet;
}
