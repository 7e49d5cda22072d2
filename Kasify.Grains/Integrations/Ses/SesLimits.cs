namespace Kasify.Grains.Integrations.Ses;

/// <summary>Lengths and counts the service enforces.</summary>
public static class SesLimits
{
    /// <summary>Communications in one create request (the Ministry may reconfigure it).</summary>
    public const int MaxCommunications = 100;

    /// <summary>Lots in one query.</summary>
    public const int MaxLotsPerQuery = 10;

    /// <summary>Establishment and arrendador codes.</summary>
    public const int Code = 10;

    /// <summary>Names and surnames.</summary>
    public const int Name = 50;

    /// <summary>Contract reference.</summary>
    public const int Reference = 50;

    /// <summary>Document number.</summary>
    public const int DocumentNumber = 15;

    /// <summary>Document support number.</summary>
    public const int SupportNumber = 9;

    /// <summary>Address lines and municipality name.</summary>
    public const int AddressLine = 100;

    /// <summary>Postal code.</summary>
    public const int PostalCode = 20;

    /// <summary>Phone numbers.</summary>
    public const int Phone = 20;

    /// <summary>E-mail.</summary>
    public const int Email = 250;

    /// <summary>Payment method.</summary>
    public const int PaymentMethod = 50;

    /// <summary>Payment holder.</summary>
    public const int PaymentHolder = 100;

    /// <summary>Application name in the SOAP header.</summary>
    public const int Application = 50;
}
