using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Bookings;

[GenerateSerializer, Alias("Kasify.Grains.Bookings.BookingCalendarState")]
internal sealed class BookingCalendarState
{
    /// <summary>
    /// Each booking's slot by booking id, cancelled ones included: its dates, status, channel, counts and guest name,
    /// without the guest's contact data, notes or requests (those are only in the booking grain).
    /// </summary>
    [Id(0)]
    public Dictionary<Guid, BookingDetails> Slots { get; set; } = [];

    /// <summary>How often each booking has changed; every receiver of a change orders by it.</summary>
    [Id(1)]
    public Dictionary<Guid, long> Revisions { get; set; } = [];

    /// <summary>The outbox: accepted changes the booking grains have not stored yet.</summary>
    [Id(2)]
    public Dictionary<Guid, BookingWrite> PendingWrites { get; set; } = [];

    /// <summary>The outbox: changes the property's locks and tasks have not taken yet.</summary>
    [Id(3)]
    public Dictionary<Guid, BookingChange> PendingChanges { get; set; } = [];

    /// <summary>The outbox: bookings whose police reporting must look at a change.</summary>
    [Id(4)]
    public HashSet<Guid> PendingSesWakes { get; set; } = [];

    /// <summary>The outbox: booking events not yet in the property's activity feed.</summary>
    [Id(5)]
    public List<ActivityEntry> PendingFeed { get; set; } = [];

    /// <summary>The outbox: bookings that have not heard of the property's latest zone, times, address or establishment.</summary>
    [Id(6)]
    public HashSet<Guid> PendingFacts { get; set; } = [];

    /// <summary>Bookings with police reporting under way: they are woken on every change, even without an SES integration.</summary>
    [Id(7)]
    public HashSet<Guid> SesTracked { get; set; } = [];

    /// <summary>Years whose archive grain may hold slots of this property's stays (by departure year).</summary>
    [Id(8)]
    public HashSet<int> ArchiveYears { get; set; } = [];

    /// <summary>The latest departure date of any archived stay: reads that cannot reach it leave the archives alone.</summary>
    [Id(9)]
    public DateOnly? ArchivedThrough { get; set; }

    /// <summary>
    /// Bookings whose slot is here but may also be in the archive of the given year (a move under way, or a stay brought
    /// back to be changed): the next archive pass removes those copies before it moves anything. Readers meanwhile
    /// prefer the slot held here.
    /// </summary>
    [Id(10)]
    public Dictionary<Guid, int> ArchiveLeftovers { get; set; } = [];

    /// <summary>
    /// Whether every booking's guests have reached the property's guest index: false for a calendar stored before the
    /// index existed, whose bookings are then asked once (<see cref="PendingGuestIndexing"/>).
    /// </summary>
    [Id(11)]
    public bool GuestsIndexed { get; set; }

    /// <summary>The outbox: bookings stored before the guest index existed that have not pushed their guests to it yet.</summary>
    [Id(12)]
    public HashSet<Guid> PendingGuestIndexing { get; set; } = [];

    /// <summary>
    /// Whether the property's arrival readiness has been told of every booking: false for a calendar stored before
    /// readiness existed, whose bookings not yet departed are then sent to it once (<see cref="PendingReadinessSeed"/>).
    /// </summary>
    [Id(13)]
    public bool ReadinessSeeded { get; set; }

    /// <summary>The outbox: bookings stored before arrival readiness existed that it has not been told of yet.</summary>
    [Id(14)]
    public HashSet<Guid> PendingReadinessSeed { get; set; } = [];
}
