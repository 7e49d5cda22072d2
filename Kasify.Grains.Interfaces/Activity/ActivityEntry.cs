namespace Kasify.Grains.Interfaces.Activity;

/// <summary>
/// One event of a property's activity feed. <see cref="Summary"/> is written for any member of the property, so it
/// never holds guest personal data (no names, contacts or documents), only dates, counts and channels.
/// </summary>
/// <param name="Id">Unique id; appending the same id twice keeps one entry, so writers can retry.</param>
/// <param name="PropertyId">The property the event belongs to.</param>
/// <param name="Kind">What happened.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="BookingId">The booking concerned, if any.</param>
/// <param name="ActorUserId">The Kasify user who caused it; null for guests and automatic events.</param>
/// <param name="Summary">A short human-readable line, free of guest personal data.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Activity.ActivityEntry")]
public sealed record ActivityEntry(
    Guid Id,
    Guid PropertyId,
    ActivityKind Kind,
    DateTimeOffset OccurredAt,
    Guid? BookingId,
    Guid? ActorUserId,
    string Summary);
