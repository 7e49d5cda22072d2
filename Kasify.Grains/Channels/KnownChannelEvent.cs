namespace Kasify.Grains.Channels;

/// <summary>
/// What the importing grain remembers of one feed UID: the booking it became, what the feed said last and how many
/// fetches in a row have missed it. Build it with <see cref="From"/> so the details a move is judged by are kept.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Channels.KnownChannelEvent")]
public sealed record KnownChannelEvent(
    [property: Id(0)] string Uid,
    [property: Id(1)] Guid BookingId,
    [property: Id(2)] ChannelEventKind Kind,
    [property: Id(3)] DateOnly Arrival,
    [property: Id(4)] DateOnly Departure,
    [property: Id(5)] int MissedFetches)
{
    /// <summary>The reservation code the feed gave last; a change of code is a move.</summary>
    [Id(6)]
    public string? ReservationCode { get; init; }

    /// <summary>The notes the feed gave last; a change of notes is a move.</summary>
    [Id(7)]
    public string? Notes { get; init; }

    /// <summary>The known state after importing <paramref name="now"/> as (or into) booking <paramref name="bookingId"/>.</summary>
    public static KnownChannelEvent From(ChannelEvent now, Guid bookingId) =>
        new(now.Uid, bookingId, now.Kind, now.Arrival, now.Departure, 0) { ReservationCode = now.ReservationCode, Notes = now.Notes };

    /// <summary>Whether the feed's event says anything different from what was imported.</summary>
    public bool DiffersFrom(ChannelEvent now) =>
        Arrival != now.Arrival
        || Departure != now.Departure
        || Kind != now.Kind
        || !string.Equals(ReservationCode, now.ReservationCode, StringComparison.Ordinal)
        || !string.Equals(Notes, now.Notes, StringComparison.Ordinal);
}
