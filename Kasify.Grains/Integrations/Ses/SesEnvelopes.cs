using System.Xml.Linq;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// SOAP 1.1 envelopes of the operations. The header is empty (credentials travel as HTTP Basic); only the
/// <c>com:</c> wrapper is qualified and its children stay unqualified, so no default namespace is ever declared.
/// </summary>
public static class SesEnvelopes
{
    /// <summary>A <c>comunicacionRequest</c>; <paramref name="communicationType"/> only with <see cref="SesOperation.Create"/>.</summary>
    public static XDocument Communication(string arrendadorCode, string application, string operation, string? communicationType, string solicitud) =>
        Envelope(Wrapper(
            "comunicacionRequest",
            new XElement(
                "peticion",
                new XElement(
                    "cabecera",
                    new XElement("codigoArrendador", arrendadorCode),
                    new XElement("aplicacion", application),
                    new XElement("tipoOperacion", operation),
                    communicationType is null ? null : new XElement("tipoComunicacion", communicationType)),
                new XElement("solicitud", solicitud))));

    /// <summary>A <c>consultaLoteRequest</c> for up to <see cref="SesLimits.MaxLotsPerQuery"/> lots (plain text, not zipped).</summary>
    public static XDocument LotQuery(IEnumerable<string> lots) =>
        Envelope(Wrapper("consultaLoteRequest", new XElement("codigosLote", lots.Select(lot => new XElement("lote", lot)))));

    /// <summary>An <c>anulacionLoteRequest</c>: cancels every communication of one lot.</summary>
    public static XDocument LotCancellation(string lot) => Envelope(Wrapper("anulacionLoteRequest", new XElement("lote", lot)));

    /// <summary>A <c>catalogoRequest</c>; an empty <paramref name="table"/> lists the tables.</summary>
    public static XDocument Catalog(string table) =>
        Envelope(Wrapper("catalogoRequest", new XElement("peticion", new XElement("catalogo", table))));

    private static XElement Wrapper(string name, XElement content) =>
        new(SesNamespaces.Communication + name, new XAttribute(XNamespace.Xmlns + "com", SesNamespaces.Communication), content);

    private static XDocument Envelope(XElement body)
    {
        var soap = SesNamespaces.SoapEnvelope;
        return new XDocument(new XElement(
            soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", soap),
            new XElement(soap + "Header"),
            new XElement(soap + "Body", body)));
    }
}
