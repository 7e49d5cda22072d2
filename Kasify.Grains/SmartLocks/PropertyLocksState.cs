using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Rentals;

namespace Kasify.Grains.SmartLocks;

[GenerateSerializer, Alias("Kasify.Grains.SmartLocks.PropertyLocksState")]
internal sealed class PropertyLocksState
{
    /// <summary>The property's smart locks by smart lock id; each lock grain holds its device's codes and status.</summary>
    [Id(0)]
    public Dictionary<Guid, PropertySmartLock> SmartLocks { get; set; } = [];

    /// <summary>The latest change of each booking whose stay has not ended long ago: the windows codes are made for.</summary>
    [Id(1)]
    public Dictionary<Guid, BookingChange> Bookings { get; set; } = [];

    /// <summary>Bookings whose latest change the locks have not all been told yet.</summary>
    [Id(2)]
    public HashSet<Guid> Unsynced { get; set; } = [];

    /// <summary>
    /// Stays that got their automatic codes on every lock (with <c>auto_access_codes</c> on); a stay leaves with its window
    /// in <see cref="Bookings"/>, so the set stays as small as the upcoming stays.
    /// </summary>
    [Id(3)]
    public HashSet<Guid> AutoServed { get; set; } = [];

    /// <summary>When the <c>auto-access-codes</c> reminder is due next; null while it is not registered.</summary>
    [Id(4)]
    public DateTimeOffset? AutoWakeAt { get; set; }
}
