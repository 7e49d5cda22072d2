using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.SmartLocks;

[GenerateSerializer, Alias("Kasify.Grains.SmartLocks.SmartLockState")]
internal sealed class SmartLockState
{
    [Id(0)]
    public Guid PropertyId { get; set; }

    [Id(1)]
    public Guid IntegrationId { get; set; }

    [Id(2)]
    public IntegrationType Provider { get; set; }

    [Id(3)]
    public string ExternalId { get; set; } = "";

    [Id(4)]
    public string Name { get; set; } = "";

    [Id(5)]
    public DateTimeOffset AssignedAt { get; set; }

    [Id(6)]
    public LockReading? Status { get; set; }

    [Id(7)]
    public List<LockCode> Codes { get; set; } = [];

    /// <summary>The UniFi site's PIN length once learned (null: not yet, or variable).</summary>
    [Id(8)]
    public int? PinLength { get; set; }

    /// <summary>The newest revision of each booking the lock has heard of, so an older request cannot undo a newer change.</summary>
    [Id(9)]
    public Dictionary<Guid, LockBooking> Bookings { get; set; } = [];

    /// <summary>The outbox: lock events (offline, back online, battery, failed codes) not yet in the property's activity feed.</summary>
    [Id(10)]
    public List<ActivityEntry> PendingFeed { get; set; } = [];

    /// <summary>Codes someone else put on the device, as of the last code-list read; they take slots of <see cref="ILockDriver.MaxCodes"/>.</summary>
    [Id(11)]
    public int ForeignCodes { get; set; }

    /// <summary>When the device's code list was last read and compared.</summary>
    [Id(12)]
    public DateTimeOffset? CodesCheckedAt { get; set; }
}
