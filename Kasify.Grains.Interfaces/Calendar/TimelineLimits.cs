namespace Kasify.Grains.Interfaces.Calendar;

/// <summary>How far ahead the upcoming timeline looks.</summary>
public static class TimelineLimits
{
    /// <summary>Days covered when the client names none: today and the six days after.</summary>
    public const int DefaultDays = 7;

    /// <summary>Most days a client may ask for.</summary>
    public const int MaxDays = 31;
}
