using System.Globalization;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Grains.CheckIn;

/// <summary>When a booking's online check-in is open, full or complete; independent of Orleans.</summary>
internal static class CheckinRules
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    /// <summary>The associated data a guest's encrypted record is bound to, so it cannot be moved to another guest or booking.</summary>
    public static string ProtectionContext(Guid bookingId, Guid guestId) => $"guest:{bookingId}:{guestId}";

    /// <summary>Today's date in the property's time zone.</summary>
    public static DateOnly Today(PropertySchedule schedule, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone)).DateTime);

    /// <summary>
    /// Registration is closed once the departure date is over in the property's zone (guests may still register on the
    /// day they leave), and on a cancelled booking.
    /// </summary>
    public static bool IsClosed(BookingDetails details, PropertySchedule schedule, DateTimeOffset now) =>
        !details.IsActive || Today(schedule, now) > details.To;

    /// <summary>Every expected guest has registered.</summary>
    public static bool IsComplete(BookingDetails details, int registered) => registered >= details.GuestsNumber;

    /// <summary>409 <c>checkin.closed</c>.</summary>
    public static ConflictException Closed() =>
        new("checkin.closed", "Online check-in for this booking is closed: the stay is over or the booking was cancelled.");

    /// <summary>409 <c>checkin.full</c>.</summary>
    public static ConflictException Full(int guestsNumber) =>
        new("checkin.full", $"All {guestsNumber} guests of this booking have already registered.");

    /// <summary>
    /// Whether every word of <paramref name="text"/> is found, case- and accent-insensitively, in one of the
    /// <paramref name="names"/>, or is the whole <paramref name="documentNumber"/>. Document numbers never match a part:
    /// the list shows them masked, and a search by prefix would unmask them a character at a time.
    /// </summary>
    public static bool Matches(string? text, string? documentNumber, params string?[] names) =>
        string.IsNullOrWhiteSpace(text)
        || text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(word => string.Equals(word, documentNumber, StringComparison.OrdinalIgnoreCase)
                || names.Any(name => name is not null && CultureInfo.InvariantCulture.CompareInfo.IndexOf(name, word, Loose) >= 0));

    /// <summary>
    /// The id of the booking's one <c>checkin_completed</c> activity entry: derived from the booking id, so a retried
    /// append keeps one entry.
    /// </summary>
    public static Guid CompletionActivityId(Guid bookingId)
    {
        var bytes = bookingId.ToByteArray();
        bytes[0] ^= 0xC1;
        bytes[15] ^= 0x0C;
        return new Guid(bytes);
    }
}
