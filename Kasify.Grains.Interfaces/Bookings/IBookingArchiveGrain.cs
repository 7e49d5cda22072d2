using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// The compact slots of one property's stays that left in one year and ended long ago, moved out of the booking
/// calendar so its row stays bounded. Key: the property id with the departure year as the key extension ("2024"); see
/// <see cref="BookingArchiveKeys"/>. Only the property's calendar calls it; it calls nobody.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Bookings.IBookingArchiveGrain")]
public interface IBookingArchiveGrain : IGrainWithGuidCompoundKey
{
    /// <summary>Stores the slots; a booking already held keeps whichever revision is higher, so adding again is harmless.</summary>
    [Alias("AddAsync")]
    Task AddAsync(ImmutableArray<ArchivedSlot> slots);

    /// <summary>Every slot held.</summary>
    [ReadOnly, Alias("GetAllAsync")]
    Task<ImmutableArray<ArchivedSlot>> GetAllAsync();

    /// <summary>
    /// The slots whose days (arrival through departure, both included) touch [<paramref name="from"/>,
    /// <paramref name="to"/>], cancelled ones included: what a calendar window or an overlap check over those dates needs.
    /// </summary>
    [ReadOnly, Alias("GetTouchingAsync")]
    Task<ImmutableArray<ArchivedSlot>> GetTouchingAsync(DateOnly from, DateOnly to);

    /// <summary>The slots held of the given bookings; the others are left out.</summary>
    [ReadOnly, Alias("GetAsync")]
    Task<ImmutableArray<ArchivedSlot>> GetAsync(ImmutableArray<Guid> bookingIds);

    /// <summary>Drops the slots of the given bookings (their calendar holds them again); unknown ids are ignored.</summary>
    [Alias("RemoveAsync")]
    Task RemoveAsync(ImmutableArray<Guid> bookingIds);

    /// <summary>Deletes every slot and the stored row (the property is being deleted).</summary>
    [Alias("EraseAsync")]
    Task EraseAsync();
}
