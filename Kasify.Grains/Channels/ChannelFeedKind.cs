namespace Kasify.Grains.Channels;

/// <summary>Which channel publishes an iCal export feed; each channel labels stays and closures its own way.</summary>
public enum ChannelFeedKind
{
    Airbnb,
    Booking,
    Vrbo,
    Other,
}
