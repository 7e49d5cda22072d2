using System.Globalization;

namespace Kasify.Grains.Interfaces.Common;

/// <summary>
/// The one range of dates Kasify accepts, for every date and instant a client sends (stays, tasks, calendar windows,
/// token and invitation expiries): 2000-01-01 to 2100-12-31. It keeps day arithmetic and time zone conversions far
/// from the ends of the calendar, where they overflow.
/// </summary>
public static class AcceptedDates
{
    /// <summary>The first accepted date.</summary>
    public static DateOnly Earliest { get; } = new(2000, 1, 1);

    /// <summary>The last accepted date.</summary>
    public static DateOnly Latest { get; } = new(2100, 12, 31);

    /// <summary>The field error for a date or instant outside the range.</summary>
    public static string Message { get; } = string.Create(
        CultureInfo.InvariantCulture, $"A date between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");

    /// <summary>Whether <paramref name="date"/> is in the range.</summary>
    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>Whether <paramref name="instant"/> falls on an accepted date in UTC.</summary>
    public static bool Contains(DateTimeOffset instant) => Contains(DateOnly.FromDateTime(instant.UtcDateTime));
}
