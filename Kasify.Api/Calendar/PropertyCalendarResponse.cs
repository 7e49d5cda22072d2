using Kasify.Grains.Interfaces.Calendar;

namespace Kasify.Api.Calendar;

/// <summary>One property of the calendar across properties: its events in the window, which is in the property's time zone.</summary>
internal sealed record PropertyCalendarResponse(
    Guid PropertyId, string PropertyName, string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<CalendarEventResponse> Events)
{
    public static PropertyCalendarResponse Of(PropertyCalendar calendar) => new(
        calendar.PropertyId, calendar.PropertyName, calendar.TimeZone, calendar.From, calendar.To, [.. calendar.Events.Select(CalendarEventResponse.Of)]);
}
