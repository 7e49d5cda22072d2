namespace Kasify.Grains.Interfaces.Channels;

/// <summary>The channel a calendar feed comes from. Wire values: airbnb, booking, vrbo, other.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Channels.ChannelCalendarChannel")]
public enum ChannelCalendarChannel
{
    /// <summary>Airbnb: "Reserved" stays, "Airbnb (Not available)" closures.</summary>
    Airbnb = 0,

    /// <summary>Booking.com: every event is a stay ("CLOSED - Not available").</summary>
    Booking = 1,

    /// <summary>Vrbo: "Reserved - name" stays, "Blocked" closures.</summary>
    Vrbo = 2,

    /// <summary>Any other calendar: "Not available", "Blocked" or "Closed" are closures, the rest stays.</summary>
    Other = 3,
}
