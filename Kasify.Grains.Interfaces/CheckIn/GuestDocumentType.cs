namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>
/// Values of <c>document_type</c>: the SES.HOSPEDAJES <c>TIPO_DOCUMENTO</c> table. Accepted in any case, stored upper
/// case.
/// </summary>
public static class GuestDocumentType
{
    /// <summary>Spanish national identity card (DNI): 8 digits and a check letter; needs the support number and the second surname.</summary>
    public const string Nif = "NIF";

    /// <summary>Foreigner's identity number (NIE/TIE): X, Y or Z, 7 digits and a check letter; needs the support number.</summary>
    public const string Nie = "NIE";

    /// <summary>Passport.</summary>
    public const string Passport = "PAS";

    /// <summary>Any other identity document, such as an EU identity card or a driving licence.</summary>
    public const string Other = "OTRO";

    /// <summary>Every accepted value.</summary>
    public static readonly IReadOnlyList<string> All = [Nif, Nie, Passport, Other];

    /// <summary>Whether documents of this type carry a support number that SES.HOSPEDAJES requires.</summary>
    public static bool NeedsSupportNumber(string? documentType) => documentType is Nif or Nie;
}
