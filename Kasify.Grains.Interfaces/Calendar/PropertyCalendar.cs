using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Calendar;

/// <summary>A property's calendar for an inclusive window of days, events ordered by start.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Calendar.PropertyCalendar")]
public sealed record PropertyCalendar(
    Guid PropertyId,
    string PropertyName,
    string TimeZone,
    DateOnly From,
    DateOnly To,
    ImmutableArray<CalendarEvent> Events);
