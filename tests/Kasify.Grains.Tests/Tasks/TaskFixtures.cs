using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Tests.Tasks;

/// <summary>Task commands and patches for tests.</summary>
internal static class TaskFixtures
{
    public static readonly DateTimeOffset Morning = new(2030, 9, 1, 9, 0, 0, TimeSpan.FromHours(2));

    public static CrewTaskPatch NoChange { get; } = new(default, default, default, default, default, default);

    public static NewCrewTask Maintenance(Guid? assignee, string? notes = "Fix the tap") =>
        new(CrewService.Maintenance, Morning, Morning.AddHours(2), null, assignee, notes);

    public static CrewTaskPatch JobReport(string report) => NoChange with { JobReport = Patch<string>.Set(report) };
}
