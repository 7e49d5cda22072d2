namespace Kasify.Grains.Interfaces.Rentals;

/// <summary>Field limits of a property, shared by the API's request validation and the grain's rules.</summary>
public static class PropertyLimits
{
    /// <summary>Longest property name.</summary>
    public const int NameLength = 200;

    /// <summary>Longest street address.</summary>
    public const int AddressLength = 300;

    /// <summary>Longest city name.</summary>
    public const int CityLength = 100;

    /// <summary>Longest postal code.</summary>
    public const int ZipCodeLength = 20;

    /// <summary>Longest iCal URL.</summary>
    public const int UrlLength = 2000;

    /// <summary>SES establishment codes and types are at most 10 characters (Ministry XSD).</summary>
    public const int SesCodeLength = 10;

    /// <summary>Largest number of rooms.</summary>
    public const int MaxRooms = 1000;

    /// <summary>Time zone of a property when none is given.</summary>
    public const string DefaultTimeZone = "Europe/Madrid";

    /// <summary>Check-in time of a property when none is given.</summary>
    public static readonly TimeOnly DefaultCheckinTime = new(15, 0);

    /// <summary>Check-out time of a property when none is given.</summary>
    public static readonly TimeOnly DefaultCheckoutTime = new(11, 0);
}
