namespace Kasify.Grains.Interfaces.Channels;

/// <summary>A calendar an owner or manager adds beside the property's own Airbnb and Booking.com URLs.</summary>
/// <param name="Url">The channel's iCal export URL (absolute http or https).</param>
/// <param name="Channel">Which channel it is.</param>
/// <param name="Reading">How its events read.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.NewChannelCalendar")]
public sealed record NewChannelCalendar(string Url, ChannelCalendarChannel Channel, ChannelEventReading Reading);
