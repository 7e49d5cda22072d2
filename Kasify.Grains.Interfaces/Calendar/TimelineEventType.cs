namespace Kasify.Grains.Interfaces.Calendar;

/// <summary>What happens on a day of the timeline. Wire values: arrival, departure (tasks come later).</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Calendar.TimelineEventType")]
public enum TimelineEventType
{
    /// <summary>A guest arrives.</summary>
    Arrival = 0,

    /// <summary>A guest leaves.</summary>
    Departure = 1,

    /// <summary>A task is due.</summary>
    Task = 2,
}
