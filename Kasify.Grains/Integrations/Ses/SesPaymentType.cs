namespace Kasify.Grains.Integrations.Ses;

/// <summary>Values of <c>tipoPago</c>: the <c>TIPO_PAGO</c> table.</summary>
public static class SesPaymentType
{
    /// <summary>Cash.</summary>
    public const string Cash = "EFECT";

    /// <summary>Card.</summary>
    public const string Card = "TARJT";

    /// <summary>Payment platform.</summary>
    public const string Platform = "PLATF";

    /// <summary>Bank transfer.</summary>
    public const string Transfer = "TRANS";

    /// <summary>Mobile payment.</summary>
    public const string Mobile = "MOVIL";

    /// <summary>Gift card.</summary>
    public const string GiftCard = "TREG";

    /// <summary>Paid at the destination.</summary>
    public const string AtDestination = "DESTI";

    /// <summary>Other.</summary>
    public const string Other = "OTRO";

    /// <summary>Every value.</summary>
    public static readonly IReadOnlyList<string> All = [Cash, Card, Platform, Transfer, Mobile, GiftCard, AtDestination, Other];
}
