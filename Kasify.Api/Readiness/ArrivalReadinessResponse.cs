using Kasify.Grains.Interfaces.Readiness;

namespace Kasify.Api.Readiness;

/// <summary>An upcoming arrival's readiness: the booking, its arrival instant, the offset last checked, the next check and each check.</summary>
internal sealed record ArrivalReadinessResponse(
    Guid BookingId,
    Guid PropertyId,
    DateTimeOffset ArrivalAt,
    string? LastOffset,
    DateTimeOffset? NextCheckAt,
    IReadOnlyList<ReadinessCheckResponse> Checks)
{
    public static ArrivalReadinessResponse From(ArrivalReadinessDto readiness) => new(
        readiness.BookingId, readiness.PropertyId, readiness.ArrivalAt, readiness.LastOffset, readiness.NextCheckAt,
        [.. readiness.Checks.Select(ReadinessCheckResponse.From)]);
}
