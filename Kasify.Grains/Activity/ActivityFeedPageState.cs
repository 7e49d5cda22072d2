using Kasify.Grains.Interfaces.Activity;

namespace Kasify.Grains.Activity;

[GenerateSerializer, Alias("Kasify.Grains.Activity.ActivityFeedPageState")]
internal sealed class ActivityFeedPageState
{
    /// <summary>The page's entries, newest first.</summary>
    [Id(0)]
    public List<ActivityEntry> Entries { get; set; } = [];
}
