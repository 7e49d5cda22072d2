using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Interfaces.Channels;

/// <summary>What one sync of a channel calendar changes on the property.</summary>
/// <param name="CalendarId">The channel calendar's id: becomes the booking's <c>source</c>.</param>
/// <param name="Channel">The booking channel of its events.</param>
/// <param name="Items">The events to apply, in order.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.ChannelImport")]
public sealed record ChannelImport(string CalendarId, BookingChannel Channel, ImmutableArray<ChannelImportItem> Items);
