namespace Kasify.Fakes.Channels;

/// <summary>Whose export a feed imitates: it decides PRODID, UIDs, SUMMARY and DESCRIPTION texts.</summary>
public enum ChannelFeedShape
{
    /// <summary>Airbnb: stays <c>Reserved</c> with the reservation URL and phone digits, closures <c>Airbnb (Not available)</c>.</summary>
    Airbnb,

    /// <summary>Booking.com: every event <c>CLOSED - Not available</c>, no DESCRIPTION, so stays and closures look alike.</summary>
    Booking,

    /// <summary>VRBO (HomeAway): stays <c>Reserved - {first name}</c> with the reservation id, closures <c>Blocked</c>.</summary>
    Vrbo,

    /// <summary>Any other calendar: SUMMARY and DESCRIPTION as given per event.</summary>
    Other,
}
