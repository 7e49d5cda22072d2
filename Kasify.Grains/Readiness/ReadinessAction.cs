using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Readiness;

/// <summary>
/// Work a failed check owes, stored in the same write as the check's result and delivered at least once from the
/// grain's outbox. <paramref name="TaskRef"/> marks the task's notes, so a task created just before a crash is found
/// again instead of created twice.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Readiness.ReadinessAction")]
internal sealed record ReadinessAction(
    [property: Id(0)] Guid Id,
    [property: Id(1)] ReadinessActionKind Kind,
    [property: Id(2)] Guid BookingId,
    [property: Id(3)] string? IssueKey,
    [property: Id(4)] NewCrewTask? Task,
    [property: Id(5)] string? TaskRef,
    [property: Id(6)] ReadinessMail? Mail,
    [property: Id(7)] Guid? SmartLockId,
    [property: Id(8)] AccessCodeRequest? Code);
