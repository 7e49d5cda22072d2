using System.Globalization;
using System.Xml.Linq;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// Parses the service's answers by local name, because element prefixes differ between samples and the service is
/// inconsistent in spelling: <c>codigo</c>/<c>codigoRetorno</c>, <c>resultadoComunicacion</c>/<c>resutadoComunicacion</c>
/// and <c>tipoComunicacion</c>/<c>tipoComuniacion</c> are all accepted. A non-zero <c>codigo</c> or a SOAP Fault throws
/// <see cref="SesException"/>.
/// </summary>
public static class SesResponses
{
    /// <summary>A <c>comunicacionResponse</c>.</summary>
    public static SesSubmission Communication(XDocument response)
    {
        var wrapper = Wrapper(response, "comunicacionResponse");
        var respuesta = Respuesta(Child(wrapper, "respuesta"));
        return new SesSubmission(Text(Child(wrapper, "respuesta"), "lote"), respuesta, Lots(wrapper));
    }

    /// <summary>A <c>consultaLoteResponse</c>: unknown lots, or lots of another entity, are silently missing.</summary>
    public static IReadOnlyList<SesLot> LotQuery(XDocument response)
    {
        var wrapper = Wrapper(response, "consultaLoteResponse");
        Respuesta(Child(wrapper, "respuesta"));
        return Lots(wrapper);
    }

    /// <summary>An <c>anulacionLoteResponse</c>; returns the Ministry's description.</summary>
    public static string? LotCancellation(XDocument response)
    {
        var wrapper = Wrapper(response, "anulacionLoteResponse");

        // The XSD puts codigo/descripcion straight in the wrapper; tolerate a respuesta block as well.
        return Respuesta(Child(wrapper, "respuesta") ?? wrapper);
    }

    /// <summary>A <c>catalogoResponse</c>: <c>resultado{codigo,descripcion}</c> then <c>respuesta/resultado/tupla[]</c>.</summary>
    public static IReadOnlyList<SesCatalogEntry> Catalog(XDocument response)
    {
        var wrapper = Wrapper(response, "catalogoResponse");
        Respuesta(Child(wrapper, "resultado"));
        return
        [
            .. (Child(wrapper, "respuesta")?.Descendants() ?? [])
                .Where(e => e.Name.LocalName == "tupla")
                .Select(t => new SesCatalogEntry(Text(t, "codigo") ?? "", Text(t, "descripcion") ?? "")),
        ];
    }

    private static XElement Wrapper(XDocument response, string name)
    {
        var body = response.Root is { } root && root.Name == SesNamespaces.SoapEnvelope + "Envelope"
            ? root.Element(SesNamespaces.SoapEnvelope + "Body")
            : null;
        var first = body?.Elements().FirstOrDefault()
            ?? throw new SesException(SesErrorCode.MalformedResponse, "The answer has no SOAP body.");
        if (first.Name.LocalName == "Fault")
        {
            var text = Text(first, "faultstring");
            throw new SesException(SesErrorCode.SoapFault, $"SES.HOSPEDAJES returned a SOAP Fault: {text}", ministryText: text);
        }

        return first.Name.LocalName == name
            ? first
            : throw new SesException(SesErrorCode.MalformedResponse, $"Expected {name}, got {first.Name.LocalName}.");
    }

    // Returns the description when codigo is 0 and throws the mapped exception otherwise.
    private static string? Respuesta(XElement? respuesta)
    {
        var raw = Text(respuesta, "codigo") ?? Text(respuesta, "codigoRetorno");
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
        {
            throw new SesException(SesErrorCode.MalformedResponse, "The answer carries no result code.");
        }

        var description = Text(respuesta, "descripcion");
        return code == 0 ? description : throw SesException.FromMinistry(code, description);
    }

    private static SesLot[] Lots(XElement wrapper) =>
    [
        .. wrapper.Elements().Where(e => e.Name.LocalName == "resultado").Select(r =>
        {
            var stateCode = Int(Text(r, "codigoEstado")) ?? 0;
            return new SesLot(
                Text(r, "lote") ?? "",
                Text(r, "tipoComunicacion") ?? Text(r, "tipoComuniacion"),
                Text(r, "tipoOperacion"),
                Date(Text(r, "fechaPeticion")),
                Date(Text(r, "fechaProcesamiento")),
                Enum.IsDefined(typeof(SesLotState), stateCode) ? (SesLotState)stateCode : SesLotState.Unknown,
                stateCode,
                Text(r, "descEstado"),
                Results(Child(r, "resultadoComunicaciones")));
        }),
    ];

    private static SesCommunicationResult[] Results(XElement? block) =>
    [
        .. (block?.Elements() ?? [])
            .Where(e => e.Name.LocalName is "resultadoComunicacion" or "resutadoComunicacion")
            .Select(e => new SesCommunicationResult(
                Int(Text(e, "orden")) ?? 0,
                string.Equals(Text(e, "anulada"), "true", StringComparison.OrdinalIgnoreCase),
                Text(e, "codigoComunicacion"),
                Text(e, "tipoError"),
                Text(e, "error"))),
    ];

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string? Text(XElement? parent, string localName) => Child(parent, localName)?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var value) ? value : null;
}
