namespace Kasify.Grains.Interfaces.Calendar;

/// <summary>
/// An inclusive window of days. Either end may be left out: <see cref="From"/> defaults to today in the property's
/// time zone, <see cref="To"/> to one month after <c>from</c>. A window may cover at most <see cref="MaxDays"/> days.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Calendar.CalendarWindow")]
public sealed record CalendarWindow(DateOnly? From, DateOnly? To)
{
    /// <summary>Most days one window may cover, both ends included.</summary>
    public const int MaxDays = 366;

    /// <summary>The default window: today to one month from today.</summary>
    public static CalendarWindow Default { get; } = new(null, null);
}
