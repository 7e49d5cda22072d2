using Kasify.Grains.Interfaces.Activity;

namespace Kasify.Grains.Readiness;

[GenerateSerializer, Alias("Kasify.Grains.Readiness.ArrivalReadinessState")]
internal sealed class ArrivalReadinessState
{
    /// <summary>Upcoming arrivals by booking id; each leaves once its arrival has passed, so the row stays as small as the calendar ahead.</summary>
    [Id(0)]
    public Dictionary<Guid, ReadinessArrival> Arrivals { get; set; } = [];

    /// <summary>Tasks, emails and codes owed by failed checks (the outbox).</summary>
    [Id(1)]
    public List<ReadinessAction> PendingActions { get; set; } = [];

    /// <summary>Activity entries owed to the property's feed.</summary>
    [Id(2)]
    public List<ActivityEntry> PendingFeed { get; set; } = [];

    /// <summary>When the <c>readiness-checks</c> reminder is due; null while it is not registered.</summary>
    [Id(3)]
    public DateTimeOffset? WakeAt { get; set; }
}
