namespace Kasify.Grains.Interfaces.Channels;

/// <summary>
/// The email that tells a property's owner that a channel calendar's event was refused because its nights are held by
/// another booking. It carries no guest data: the property, the calendar, the nights and the holding booking's id.
/// </summary>
/// <param name="MailId">Derived from the property, the calendar, the event's UID and its dates, so the same conflict found
/// again (or delivered twice) names the same mail.</param>
/// <param name="PropertyId">The property.</param>
/// <param name="PropertyName">Its name when the conflict was found.</param>
/// <param name="OwnerId">The user the email goes to: the property's owner when the conflict was found.</param>
/// <param name="CalendarId">The calendar ("airbnb", "booking", or an added calendar's id).</param>
/// <param name="Channel">The channel the calendar comes from.</param>
/// <param name="From">The event's arrival night.</param>
/// <param name="To">Its departure day.</param>
/// <param name="Closure">A closure rather than a stay.</param>
/// <param name="HeldBy">The booking holding those nights.</param>
/// <param name="DetectedAt">When the sync found the conflict.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.ChannelConflictMail")]
public sealed record ChannelConflictMail(
    Guid MailId,
    Guid PropertyId,
    string PropertyName,
    Guid OwnerId,
    string CalendarId,
    ChannelCalendarChannel Channel,
    DateOnly From,
    DateOnly To,
    bool Closure,
    Guid HeldBy,
    DateTimeOffset DetectedAt);
