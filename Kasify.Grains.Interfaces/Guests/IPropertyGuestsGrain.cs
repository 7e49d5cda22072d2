using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Rentals;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Guests;

/// <summary>
/// The guest index of one property. Key: property id. Holds a summary of every guest registered on the property's
/// bookings (what the guest list shows, encrypted at rest, and a keyed hash of the document number), pushed by each
/// booking when its guests change, so the guest list reads this one grain instead of every booking. Who may read comes
/// from the property's pushed access snapshot. Calls no other grain.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Guests.IPropertyGuestsGrain")]
public interface IPropertyGuestsGrain : IGrainWithGuidKey
{
    /// <summary>Takes a newer version of the property's access snapshot (members and roles).</summary>
    [Alias("ApplyAccessAsync")]
    Task ApplyAccessAsync(PropertyAccess access);

    /// <summary>
    /// Replaces the booking's entries with <paramref name="guests"/>, unless a push of the same or a newer revision was
    /// taken already. Ignored once the property is gone.
    /// </summary>
    [Alias("ApplyBookingGuestsAsync")]
    Task ApplyBookingGuestsAsync(BookingGuests guests);

    /// <summary>
    /// For the guest list across properties: how many guests match <paramref name="text"/> (every word in part of a
    /// name, case- and accent-insensitively, or a whole document number) and the newest <paramref name="limit"/> of them.
    /// Nothing for callers other than owners and managers.
    /// </summary>
    [ReadOnly, Alias("FindGuestsAsync")]
    Task<GuestMatches> FindGuestsAsync(Guid callerId, string? text, int limit);

    /// <summary>Erases the index with the property: called when the property is deleted.</summary>
    [Alias("EraseAllAsync")]
    Task EraseAllAsync();
}
