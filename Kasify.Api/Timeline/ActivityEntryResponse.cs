using Kasify.Grains.Interfaces.Activity;

namespace Kasify.Api.Timeline;

/// <summary>One entry of the activity feed. <c>summary</c> never holds guest personal data.</summary>
internal sealed record ActivityEntryResponse(
    Guid Id,
    Guid PropertyId,
    string PropertyName,
    ActivityKind Kind,
    DateTimeOffset OccurredAt,
    Guid? BookingId,
    Guid? ActorUserId,
    string Summary)
{
    public static ActivityEntryResponse Of(ActivityEntry entry, string propertyName) => new(
        entry.Id, entry.PropertyId, propertyName, entry.Kind, entry.OccurredAt, entry.BookingId, entry.ActorUserId, entry.Summary);
}
