using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;

namespace Kasify.Api.Timeline;

/// <summary>An arrival or departure (later also a task) on one day of the timeline; <c>guest_name</c> is null for staff.</summary>
internal sealed record TimelineEventResponse(
    TimelineEventType Type,
    DateTimeOffset At,
    Guid PropertyId,
    string PropertyName,
    Guid? BookingId,
    Guid? TaskId,
    BookingChannel? Channel,
    int? GuestsNumber,
    string? GuestName)
{
    public static TimelineEventResponse Of(TimelineEvent timelineEvent) => new(
        timelineEvent.Type,
        timelineEvent.At,
        timelineEvent.PropertyId,
        timelineEvent.PropertyName,
        timelineEvent.BookingId,
        timelineEvent.TaskId,
        timelineEvent.Channel,
        timelineEvent.GuestsNumber,
        timelineEvent.GuestName);
}
