namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// Filters and order of a booking list. <see cref="From"/>: stays starting on or after that date; <see cref="To"/>:
/// stays ending on or before it; <see cref="Text"/>: every word found (case- and accent-insensitively) in the guest's
/// name, email or phone, the notes or the channel's reservation id; for a caller who may not see guest data (staff),
/// in the reservation id only, so a search cannot reveal what the booking hides. Cancelled bookings are listed too.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Bookings.BookingQuery")]
public sealed record BookingQuery(
    DateOnly? From,
    DateOnly? To,
    BookingChannel? Channel,
    string? Text,
    BookingSort SortBy,
    bool SortDescending)
{
    /// <summary>Every booking, by arrival.</summary>
    public static BookingQuery All { get; } = new(null, null, null, null, BookingSort.Checkin, false);

    /// <summary>
    /// Puts listings in this query's order: by arrival or departure instant, ties by id, all reversed when descending.
    /// Shared by the property's own list and the list across properties, so both order alike.
    /// </summary>
    public IEnumerable<BookingListing> Order(IEnumerable<BookingListing> listings)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var ordered = SortBy == BookingSort.Checkout
            ? listings.OrderBy(listing => listing.DepartureAt).ThenBy(listing => listing.ArrivalAt)
            : listings.OrderBy(listing => listing.ArrivalAt).ThenBy(listing => listing.DepartureAt);
        var complete = ordered.ThenBy(listing => listing.Id);
        return SortDescending ? complete.Reverse() : complete;
    }
}
