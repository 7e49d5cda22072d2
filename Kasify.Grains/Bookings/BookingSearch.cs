using System.Globalization;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Bookings;

/// <summary>Which bookings a list query selects.</summary>
internal static class BookingSearch
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    /// <summary>
    /// Whether the booking passes every filter of the query. The free text searches only what the caller may see: the
    /// guest's name, email and phone and the notes for those who see guest data, the channel's reservation id for all.
    /// </summary>
    public static bool Matches(BookingDetails booking, BookingQuery query, bool seesGuestData)
    {
        if ((query.From is { } from && booking.From < from)
            || (query.To is { } to && booking.To > to)
            || (query.Channel is { } channel && booking.Channel != channel))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(query.Text))
        {
            return true;
        }

        string?[] fields = seesGuestData
            ? [booking.ChannelId, booking.GuestFirstName, booking.GuestLastName, booking.GuestEmail, booking.GuestPhone, Digits(booking.GuestPhone), booking.Notes]
            : [booking.ChannelId];
        return query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(word => fields.Any(field => field is not null && CultureInfo.InvariantCulture.CompareInfo.IndexOf(field, word, Loose) >= 0));
    }

    /// <summary>The property's bookings that pass the query, in its order, with the instants they are ordered by.</summary>
    public static IEnumerable<BookingListing> Find(
        IReadOnlyDictionary<Guid, BookingDetails> bookings, Guid propertyId, PropertySchedule schedule, BookingQuery query, bool seesGuestData) =>
        query.Order(bookings
            .Where(entry => Matches(entry.Value, query, seesGuestData))
            .Select(entry => new BookingListing(
                entry.Key, propertyId, BookingRules.ArrivalAt(entry.Value, schedule), BookingRules.DepartureAt(entry.Value, schedule))));

    // "+34 600 12 34 56" is found by "600123456" too.
    private static string? Digits(string? phone) => phone is null ? null : string.Concat(phone.Where(char.IsAsciiDigit));
}
