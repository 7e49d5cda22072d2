namespace Kasify.Grains.Interfaces.Channels;

/// <summary>An event the property could not take because its nights are held by another booking.</summary>
/// <param name="Uid">The event's UID.</param>
/// <param name="From">Its arrival night.</param>
/// <param name="To">Its departure day.</param>
/// <param name="Closure">Whether it is a closure rather than a stay.</param>
/// <param name="ConflictsWith">The booking holding the nights.</param>
/// <param name="DetectedAt">When a sync first found it.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.ChannelConflict")]
public sealed record ChannelConflict(string Uid, DateOnly From, DateOnly To, bool Closure, Guid ConflictsWith, DateTimeOffset DetectedAt);
