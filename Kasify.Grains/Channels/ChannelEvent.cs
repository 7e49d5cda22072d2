namespace Kasify.Grains.Channels;

/// <summary>
/// One event of a channel feed, in the property's dates. Departure is the checkout day (exclusive).
/// Occurrences of a recurring event carry "{UID}#{yyyy-MM-dd}" as their Uid.
/// </summary>
public sealed record ChannelEvent(
    string Uid,
    DateOnly Arrival,
    DateOnly Departure,
    ChannelEventKind Kind,
    string? ReservationCode,
    string? Notes,
    string? Summary);
