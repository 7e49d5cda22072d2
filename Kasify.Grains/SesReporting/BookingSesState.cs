using Kasify.Grains.Interfaces.Activity;

namespace Kasify.Grains.SesReporting;

[GenerateSerializer, Alias("Kasify.Grains.SesReporting.BookingSesState")]
internal sealed class BookingSesState
{
    [Id(0)]
    public Guid PropertyId { get; set; }

    /// <summary>Every communication of the booking, oldest first.</summary>
    [Id(1)]
    public List<SesCommunicationRecord> Communications { get; set; } = [];

    /// <summary>Bumped on every change; the booking keeps the newest tracking pushed to it.</summary>
    [Id(2)]
    public long Version { get; set; }

    /// <summary>The outbox: reporting events (accepted, rejected, incomplete, deadline) not yet in the property's feed.</summary>
    [Id(3)]
    public List<ActivityEntry> PendingFeed { get; set; } = [];
}
