namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>
/// Field limits of a guest registration: the maximum lengths of the SES.HOSPEDAJES schema (<c>altaParteHospedaje.xsd</c>,
/// <c>tiposGenerales.xsd</c>), shared by the API's descriptions and the grain's rules.
/// </summary>
public static class GuestLimits
{
    /// <summary>Longest first name and each surname (<c>nombre</c>, <c>apellido1</c>, <c>apellido2</c>).</summary>
    public const int NameLength = 50;

    /// <summary>Longest document number (<c>numeroDocumento</c>).</summary>
    public const int DocumentNumberLength = 15;

    /// <summary>Longest support number (<c>soporteDocumento</c>).</summary>
    public const int DocumentSupportNumberLength = 9;

    /// <summary>Longest street address (<c>direccion</c>).</summary>
    public const int AddressLength = 100;

    /// <summary>Longest free-text town (<c>nombreMunicipio</c>).</summary>
    public const int CityLength = 100;

    /// <summary>Longest postal code (<c>codigoPostal</c>).</summary>
    public const int PostalCodeLength = 20;

    /// <summary>Longest phone number sent to SES, prefix included (<c>telefono</c>).</summary>
    public const int PhoneLength = 20;

    /// <summary>Fewest digits of a phone number.</summary>
    public const int MinPhoneDigits = 4;

    /// <summary>Longest email address (<c>correo</c>).</summary>
    public const int EmailLength = 250;

    /// <summary>Age from which a guest is an adult and must show an identity document.</summary>
    public const int AdultAge = 18;

    /// <summary>Earliest date of birth accepted; anything before is taken for a missing or mistyped date.</summary>
    public static readonly DateOnly EarliestDateOfBirth = new(1900, 1, 1);
}
