using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Bookings;

/// <summary>The booking calendar's decisions about property changes, independent of Orleans.</summary>
internal static class BookingCalendarRules
{
    /// <summary>Whether what bookings show of their property (name, address, zone, times, establishment) changed.</summary>
    public static bool FactsChanged(PropertyAccess before, PropertyAccess after) =>
        before.Deleted != after.Deleted
        || before.AccountId != after.AccountId
        || (before.Details.Name, before.Details.Address, before.Details.City, before.Details.ZipCode, before.Details.CountryCode)
            != (after.Details.Name, after.Details.Address, after.Details.City, after.Details.ZipCode, after.Details.CountryCode)
        || ReportedFactsChanged(before, after);

    /// <summary>
    /// Whether what police reports carry of the property changed: the establishment and the times that make the stay's
    /// instants. A code set after a refusal reaches the upcoming bookings' communications.
    /// </summary>
    public static bool ReportedFactsChanged(PropertyAccess before, PropertyAccess after) =>
        (before.Details.SesEstablishmentCode, before.Details.HasInternet, before.Details.RoomsCount, before.Schedule)
            != (after.Details.SesEstablishmentCode, after.Details.HasInternet, after.Details.RoomsCount, after.Schedule);

    /// <summary>Active bookings whose stay has not ended before yesterday (UTC).</summary>
    public static IEnumerable<Guid> Upcoming(IReadOnlyDictionary<Guid, BookingDetails> slots, DateTimeOffset now)
    {
        var yesterday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        return slots.Where(slot => slot.Value.IsActive && slot.Value.To >= yesterday).Select(slot => slot.Key);
    }
}
