using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Activity;

/// <summary>
/// A property's activity as one caller may see it: how many entries there are and the newest <c>limit</c> of them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Activity.PropertyActivity")]
public sealed record PropertyActivity(Guid PropertyId, string PropertyName, int Total, ImmutableArray<ActivityEntry> Latest);
