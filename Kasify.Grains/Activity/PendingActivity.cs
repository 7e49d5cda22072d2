using Kasify.Grains.Interfaces.Activity;

namespace Kasify.Grains.Activity;

/// <summary>
/// Hands a grain's stored feed entries (its outbox) to the property's activity feed. The feed takes an entry once by its
/// id, so a pass cut short and repeated adds nothing twice; each entry leaves the list once the feed has it, and the
/// caller saves the list afterwards.
/// </summary>
internal static class PendingActivity
{
    public static async Task DeliverAsync(IGrainFactory grains, Guid propertyId, List<ActivityEntry> pending)
    {
        var feed = grains.GetGrain<IActivityFeedGrain>(propertyId);
        foreach (var entry in pending.ToList())
        {
            await feed.AppendAsync(entry);
            pending.Remove(entry);
        }
    }
}
