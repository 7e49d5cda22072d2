using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Calendar;

namespace Kasify.Api.Calendar;

/// <summary>
/// One calendar event. <c>type</c> is booking (tasks come later, with <c>task_id</c>); <c>id</c> is the booking's or the
/// task's id. A booking spans <c>from</c> (arrival date) to <c>to</c> (departure date), and <c>start_at</c> /
/// <c>end_at</c> are its arrival and departure instants in the property's time zone. <c>guest_name</c> is null for
/// staff; <c>title</c> is then the channel and head count.
/// </summary>
internal sealed record CalendarEventResponse(
    CalendarEventType Type,
    Guid Id,
    DateOnly From,
    DateOnly To,
    DateTimeOffset StartAt,
    DateTimeOffset EndAt,
    string Title,
    BookingStatus? Status,
    Guid PropertyId,
    Guid? BookingId,
    Guid? TaskId,
    BookingChannel? Channel,
    int? GuestsNumber,
    string? GuestName)
{
    public static CalendarEventResponse Of(CalendarEvent calendarEvent) => new(
        calendarEvent.Type,
        calendarEvent.BookingId ?? calendarEvent.TaskId ?? Guid.Empty,
        calendarEvent.From,
        calendarEvent.To,
        calendarEvent.StartAt,
        calendarEvent.EndAt,
        calendarEvent.Title,
        calendarEvent.Status,
        calendarEvent.PropertyId,
        calendarEvent.BookingId,
        calendarEvent.TaskId,
        calendarEvent.Channel,
        calendarEvent.GuestsNumber,
        calendarEvent.GuestName);
}
