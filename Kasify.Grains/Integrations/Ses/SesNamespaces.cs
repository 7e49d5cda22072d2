using System.Xml.Linq;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>The XML namespaces of the service; only root and wrapper elements are qualified.</summary>
public static class SesNamespaces
{
    /// <summary>Operation wrappers of the SOAP body (<c>com:</c>).</summary>
    public static readonly XNamespace Communication = "http://www.soap.servicios.hospedajes.mir.es/comunicacion";

    /// <summary>The guest register root (<c>alt:peticion</c>).</summary>
    public static readonly XNamespace GuestRegister = "http://www.neg.hospedajes.mir.es/altaParteHospedaje";

    /// <summary>The booking report root (<c>res:peticion</c>).</summary>
    public static readonly XNamespace BookingReport = "http://www.neg.hospedajes.mir.es/altaReservaHospedaje";

    /// <summary>Cancellation by communication code; qualified throughout (<c>an:</c>).</summary>
    public static readonly XNamespace Cancellation = "http://www.neg.hospedajes.mir.es/anularComunicacion";

    /// <summary>Lot query through <c>comunicacion</c>; qualified throughout (<c>cq:</c>).</summary>
    public static readonly XNamespace LotQuery = "http://www.neg.hospedajes.mir.es/consultarComunicacion";

    /// <summary>SOAP 1.1 envelope.</summary>
    public static readonly XNamespace SoapEnvelope = "http://schemas.xmlsoap.org/soap/envelope/";
}
