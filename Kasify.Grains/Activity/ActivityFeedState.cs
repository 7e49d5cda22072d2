using Kasify.Grains.Interfaces.Activity;

namespace Kasify.Grains.Activity;

[GenerateSerializer, Alias("Kasify.Grains.Activity.ActivityFeedState")]
internal sealed class ActivityFeedState
{
    /// <summary>Newest first, at most <see cref="IActivityFeedGrain.Capacity"/>.</summary>
    [Id(0)]
    public List<ActivityEntry> Entries { get; set; } = [];
}
