using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Activity;

/// <summary>How many entries a reader may see in a feed, and the newest of them.</summary>
/// <param name="Total">Entries the reader may see, of those the feed keeps.</param>
/// <param name="Latest">The newest of them, newest first.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Activity.ActivityFeedSummary")]
public sealed record ActivityFeedSummary(int Total, ImmutableArray<ActivityEntry> Latest);
