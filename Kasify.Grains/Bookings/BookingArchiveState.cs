using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Bookings;

[GenerateSerializer, Alias("Kasify.Grains.Bookings.BookingArchiveState")]
internal sealed class BookingArchiveState
{
    /// <summary>Each archived booking's compact slot by booking id.</summary>
    [Id(0)]
    public Dictionary<Guid, BookingDetails> Slots { get; set; } = [];

    /// <summary>The revision each slot was archived at.</summary>
    [Id(1)]
    public Dictionary<Guid, long> Revisions { get; set; } = [];
}
