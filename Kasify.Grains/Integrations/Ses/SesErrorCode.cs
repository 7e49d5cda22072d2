namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// Why a call failed: the Ministry's <c>respuesta/codigo</c> values (spec §5, v3.1.3), plus negative values for
/// failures the client detects itself. 101xx codes need the request fixed; retrying does not help.
/// </summary>
public enum SesErrorCode
{
    /// <summary>A Ministry code this client does not know; see the exception's Ministry code and text.</summary>
    Unknown = -1,

    /// <summary>HTTP 401: wrong web-service user or password (sometimes reported as 502).</summary>
    InvalidCredentials = -2,

    /// <summary>HTTP 5xx, timeout or network failure; may succeed later.</summary>
    Unavailable = -3,

    /// <summary>The server answered with a SOAP Fault.</summary>
    SoapFault = -4,

    /// <summary>The answer is not the expected SOAP response.</summary>
    MalformedResponse = -5,

    /// <summary>0: received and queued (not yet accepted).</summary>
    Ok = 0,

    /// <summary>10100: no arrendador code.</summary>
    MissingArrendadorCode = 10100,

    /// <summary>10101: no application.</summary>
    MissingApplication = 10101,

    /// <summary>10103: the arrendador code does not exist.</summary>
    UnknownArrendador = 10103,

    /// <summary>10107: wrong user.</summary>
    WrongUser = 10107,

    /// <summary>10108: no petición.</summary>
    MissingPeticion = 10108,

    /// <summary>10109: no cabecera.</summary>
    MissingCabecera = 10109,

    /// <summary>10110: no solicitud.</summary>
    MissingSolicitud = 10110,

    /// <summary>10111: the solicitud must be UTF-8 XML, zipped and Base64-encoded (the spec's examples also show it as 109).</summary>
    SolicitudEncoding = 10111,

    /// <summary>10112: no operation code.</summary>
    MissingOperation = 10112,

    /// <summary>10113: the communication code does not exist.</summary>
    UnknownCommunication = 10113,

    /// <summary>10116: no communication type.</summary>
    MissingCommunicationType = 10116,

    /// <summary>10117: the operation must be A, C or B.</summary>
    InvalidOperation = 10117,

    /// <summary>10118: XML file format error.</summary>
    XmlFormat = 10118,

    /// <summary>10119: the arrendador may not send that communication type.</summary>
    CommunicationTypeNotAllowed = 10119,

    /// <summary>10120: the arrendador has web-service sending disabled.</summary>
    WebServiceDisabled = 10120,

    /// <summary>10121: validation error.</summary>
    Validation = 10121,

    /// <summary>10122: invalid communication type (PV, RH, AV or RV).</summary>
    InvalidCommunicationType = 10122,

    /// <summary>10128: user not given in the header.</summary>
    MissingUser = 10128,

    /// <summary>10130: wrong value for a field.</summary>
    WrongFieldValue = 10130,

    /// <summary>10131: a field needs a value.</summary>
    RequiredField = 10131,

    /// <summary>10136: too many communications to query.</summary>
    TooManyToQuery = 10136,

    /// <summary>10140: solicitud not given.</summary>
    SolicitudNotGiven = 10140,

    /// <summary>10150: application name too long.</summary>
    ApplicationTooLong = 10150,

    /// <summary>10159: invalid communication type.</summary>
    InvalidCommunicationTypeValue = 10159,

    /// <summary>10160: no communication code.</summary>
    MissingCommunicationCode = 10160,

    /// <summary>10180: invalid communication-code format.</summary>
    CommunicationCodeFormat = 10180,

    /// <summary>10999: unhandled error at the Ministry.</summary>
    Unhandled = 10999,
}
