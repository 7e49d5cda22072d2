namespace Kasify.Grains.Telemetry;

/// <summary>The <c>vendor</c> tag values of <see cref="VendorMetrics"/>: one per outbound integration.</summary>
public static class VendorNames
{
    /// <summary>The Nuki Web API.</summary>
    public const string Nuki = "nuki";

    /// <summary>UniFi Access consoles.</summary>
    public const string UniFi = "unifi";

    /// <summary>SES.HOSPEDAJES (guest registration with the Ministry).</summary>
    public const string Ses = "ses";

    /// <summary>Channels' iCal feeds (Airbnb, Booking.com, …).</summary>
    public const string Channel = "channel";
}
