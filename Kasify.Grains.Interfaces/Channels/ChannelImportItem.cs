using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Interfaces.Channels;

/// <summary>
/// One event of a channel calendar as the booking calendar must hold it after a sync.
/// </summary>
/// <param name="Uid">The event's UID in the feed.</param>
/// <param name="BookingId">The booking that stands for the event; the feed derives it from its id and the UID, so a
/// create delivered twice finds the booking it made the first time.</param>
/// <param name="Action">Whether the event is there (created, moved or reinstated) or gone (cancelled).</param>
/// <param name="From">Arrival night.</param>
/// <param name="To">Departure day (exclusive).</param>
/// <param name="Closure">A closure, held as a <see cref="BookingStatus.Blocked"/> booking, not a stay.</param>
/// <param name="ChannelId">The channel's reservation code, else the UID.</param>
/// <param name="Notes">Notes for a new booking (e.g. the reservation link); a person's later notes are never replaced.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.ChannelImportItem")]
public sealed record ChannelImportItem(
    string Uid, Guid BookingId, ChannelImportAction Action, DateOnly From, DateOnly To, bool Closure, string? ChannelId, string? Notes);
