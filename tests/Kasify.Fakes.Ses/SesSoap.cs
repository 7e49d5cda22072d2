using System.Globalization;
using System.Xml.Linq;

namespace Kasify.Fakes.Ses;

/// <summary>
/// Writes the service's answers the way the Ministry does: a <c>SOAP-ENV</c> envelope, an <c>ns3</c>-prefixed
/// wrapper and unqualified children.
/// </summary>
internal static class SesSoap
{
    public static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Com = "http://www.soap.servicios.hospedajes.mir.es/comunicacion";

    public static XDocument Wrap(string wrapper, params object?[] content) => new(
        new XElement(Envelope + "Envelope",
            new XAttribute(XNamespace.Xmlns + "SOAP-ENV", Envelope),
            new XElement(Envelope + "Header"),
            new XElement(Envelope + "Body",
                new XElement(Com + wrapper, new XAttribute(XNamespace.Xmlns + "ns3", Com), content))));

    public static XDocument Fault(string code, string message) => new(
        new XElement(Envelope + "Envelope",
            new XAttribute(XNamespace.Xmlns + "SOAP-ENV", Envelope),
            new XElement(Envelope + "Header"),
            new XElement(Envelope + "Body",
                new XElement(Envelope + "Fault",
                    new XElement("faultcode", "SOAP-ENV:" + code),
                    new XElement("faultstring", message)))));

    public static XElement Respuesta(SesFakeOptions options, int code, string description, string? lote = null) => new("respuesta",
        new XElement(options.MisspelledElements ? "codigoRetorno" : "codigo", code),
        new XElement("descripcion", description),
        lote is null ? null : new XElement("lote", lote));

    public static XElement Resultado(SesFakeState state, SesFakeLot lot)
    {
        var status = state.Observe(lot);
        var final = status is not (4 or 5);
        return new XElement("resultado",
            new XElement("lote", lot.Lote),
            lot.TipoComunicacion is null ? null : new XElement("tipoComunicacion", lot.TipoComunicacion),
            new XElement("tipoOperacion", lot.TipoOperacion),
            new XElement("fechaPeticion", Format(lot.ReceivedAt)),
            final ? new XElement("fechaProcesamiento", Format(lot.ReceivedAt.AddMilliseconds(state.Options.ProcessingDelayMs))) : null,
            new XElement("codigoEstado", status),
            new XElement("descEstado", Describe(status)),
            new XElement("identificadorUsuario", state.Options.Username),
            new XElement("nombreUsuario", "Usuario de pruebas"),
            new XElement("codigoArrendador", lot.CodigoArrendador),
            new XElement("aplicacion", lot.Aplicacion),
            final && lot.TipoOperacion == "A"
                ? new XElement("resultadoComunicaciones", lot.Communications.Select(c => Communication(state.Options, c)))
                : null);
    }

    private static XElement Communication(SesFakeOptions options, SesFakeCommunication communication) => new(
        options.MisspelledElements ? "resutadoComunicacion" : "resultadoComunicacion",
        new XElement("orden", communication.Orden),
        communication.Anulada ? new XElement("anulada", "true") : null,
        communication.Error is null
            ? new XElement("codigoComunicacion", communication.CodigoComunicacion)
            : new object[]
            {
                new XElement("tipoError", "Error validación de datos"),
                new XElement("error", $"Error de validación en la comunicación [{communication.Orden}]: [{communication.Error}]"),
            });

    private static string Describe(int status) => status switch
    {
        1 => "Lote tramitado correctamente",
        2 => "Lote con errores en todas las comunicaciones",
        4 => "Lote en proceso",
        6 => "Lote tramitado con errores en algunas comunicaciones",
        _ => "Lote pendiente",
    };

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
