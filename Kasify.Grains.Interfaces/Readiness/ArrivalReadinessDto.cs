using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Readiness;

/// <summary>
/// An upcoming arrival and its readiness: every check the caller may see, the offset last evaluated (<c>48h</c>, …; null
/// before the first) and when the next evaluation is due (null after the last).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Readiness.ArrivalReadinessDto")]
public sealed record ArrivalReadinessDto(
    Guid BookingId,
    Guid PropertyId,
    DateTimeOffset ArrivalAt,
    string? LastOffset,
    DateTimeOffset? NextCheckAt,
    ImmutableArray<ReadinessCheckDto> Checks);
