namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>Field limits of a booking, shared by the API's request validation and the grains' rules.</summary>
public static class BookingLimits
{
    /// <summary>Longest external reservation id.</summary>
    public const int ChannelIdLength = 100;

    /// <summary>Longest guest first or last name (SES allows 50).</summary>
    public const int NameLength = 50;

    /// <summary>Longest guest email (SES allows 250).</summary>
    public const int EmailLength = 250;

    /// <summary>Longest guest phone number (SES allows 20).</summary>
    public const int PhoneLength = 20;

    /// <summary>Longest note or special request.</summary>
    public const int TextLength = 2000;

    /// <summary>Most guests of one kind (adults, children or infants) on one booking.</summary>
    public const int MaxGuestsPerCount = 100;

    /// <summary>Longest free-text search of a booking list.</summary>
    public const int QueryLength = 200;

    /// <summary>Adults on a booking created without <c>adults_count</c>.</summary>
    public const int DefaultAdults = 1;
}
