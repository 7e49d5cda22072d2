namespace Kasify.Grains.Interfaces.Calendar;

/// <summary>What a calendar event stands for. Wire values: booking, task (tasks arrive with a later feature).</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Calendar.CalendarEventType")]
public enum CalendarEventType
{
    /// <summary>A stay: from its arrival to its departure.</summary>
    Booking = 0,

    /// <summary>A task (cleaning, maintenance) of the property.</summary>
    Task = 1,
}
