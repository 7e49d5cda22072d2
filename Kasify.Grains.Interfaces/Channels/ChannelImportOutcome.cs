namespace Kasify.Grains.Interfaces.Channels;

/// <summary>What became of one imported event.</summary>
/// <param name="Uid">The event's UID.</param>
/// <param name="BookingId">Its booking.</param>
/// <param name="Applied">The booking now matches the event (or already did).</param>
/// <param name="ConflictsWith">When not applied because the nights are taken: the booking holding them.</param>
/// <param name="Problem">When not applied for another reason: why, for the feed's status.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.ChannelImportOutcome")]
public sealed record ChannelImportOutcome(string Uid, Guid BookingId, bool Applied, Guid? ConflictsWith, string? Problem);
