namespace Kasify.Grains.Interfaces.Channels;

/// <summary>What a channel calendar's feed grain needs to sync.</summary>
/// <param name="Url">The channel's iCal export URL (http or https).</param>
/// <param name="Channel">Which channel it is: decides how its events read and the bookings' channel.</param>
/// <param name="Reading">How its events read: the channel's rules, or all stays, or all closures (owner's override).</param>
/// <param name="TimeZone">The property's IANA time zone: events with times become the property's local dates.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.ChannelCalendarSettings")]
public sealed record ChannelCalendarSettings(string Url, ChannelCalendarChannel Channel, ChannelEventReading Reading, string TimeZone);
