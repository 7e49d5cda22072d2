using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Kasify.Fakes.Ses;

/// <summary>Answers the service's SOAP operations against a <see cref="SesFakeState"/>.</summary>
internal static class SesFakeOperations
{
    private const int MaxCommunications = 100;
    private const int MaxLots = 10;
    private static readonly XNamespace QueryNamespace = "http://www.neg.hospedajes.mir.es/consultarComunicacion";

    /// <summary>Dispatches on the Body's first child; null when the operation is unknown.</summary>
    public static XDocument? Answer(SesFakeState state, XElement request) => request.Name.LocalName switch
    {
        "comunicacionRequest" => Comunicacion(state, request),
        "consultaLoteRequest" => ConsultaLote(state, request),
        "anulacionLoteRequest" => AnulacionLote(state, request),
        "catalogoRequest" => Catalogo(request),
        _ => null,
    };

    private static XDocument Comunicacion(SesFakeState state, XElement request)
    {
        var options = state.Options;
        XDocument Refuse(SesError error) =>
            SesSoap.Wrap("comunicacionResponse", SesSoap.Respuesta(options, error.Code, error.Description));

        if (request.Element("peticion") is not { } peticion)
        {
            return Refuse(new(10108, "No se ha informado la petición"));
        }

        if (peticion.Element("cabecera") is not { } cabecera)
        {
            return Refuse(new(10109, "No se ha informado la cabecera"));
        }

        var arrendador = Text(cabecera, "codigoArrendador");
        var aplicacion = Text(cabecera, "aplicacion");
        var operation = Text(cabecera, "tipoOperacion");
        var type = Text(cabecera, "tipoComunicacion");
        var solicitud = Text(peticion, "solicitud");
        SesError? error = (arrendador, aplicacion, operation, solicitud) switch
        {
            (null, _, _, _) => new(10100, "No se ha informado el código de arrendador"),
            (_, null, _, _) => new(10101, "No se ha informado la aplicación"),
            (_, _, null, _) => new(10112, "No se ha informado el código de operación"),
            (_, _, _, null) => new(10110, "No se ha informado la solicitud"),
            _ when arrendador != options.ArrendadorCode => new(10103, "No existe el código de arrendador"),
            _ when aplicacion.Length > 50 => new(10150, "El nombre de la aplicación es demasiado largo"),
            _ when operation is not ("A" or "B" or "C") => new(10117, "El código de operación debe ser A, C o B"),
            _ when operation == "A" && type is null => new(10116, "No se ha informado el tipo de comunicación"),
            _ when operation == "A" && type is not ("PV" or "RH" or "AV" or "RV") => new(10122, "Tipo de comunicación no válido"),
            _ when operation == "A" && type is "AV" or "RV" => new(10119, "El arrendador no puede enviar ese tipo de comunicación"),
            _ => null,
        };
        if (error is not null)
        {
            return Refuse(error);
        }

        if (Unpack(solicitud!) is not { } xml)
        {
            return Refuse(new(10111, "La solicitud debe ser un XML en UTF-8, comprimido en ZIP y codificado en Base64"));
        }

        XElement root;
        try
        {
            root = XElement.Parse(xml);
        }
        catch (XmlException exception)
        {
            return Refuse(SesError.Format(exception.Message));
        }

        return operation switch
        {
            "A" => Create(state, arrendador!, aplicacion!, type!, root),
            "B" => CancelCommunications(state, arrendador!, aplicacion!, root),
            _ => QueryLots(state, arrendador!, root),
        };
    }

    private static XDocument Create(SesFakeState state, string arrendador, string aplicacion, string type, XElement root)
    {
        var options = state.Options;
        if (SesSchema.Check(root, type) is { } error)
        {
            return SesSoap.Wrap("comunicacionResponse", SesSoap.Respuesta(options, error.Code, error.Description));
        }

        var solicitud = root.Element("solicitud")!;
        var communications = solicitud.Elements("comunicacion").ToList();
        if (communications.Count > MaxCommunications)
        {
            return SesSoap.Wrap("comunicacionResponse", SesSoap.Respuesta(options, 10121, "Error de validación: demasiadas comunicaciones"));
        }

        var establishment = solicitud.Element("codigoEstablecimiento")?.Value;
        var received = communications.Select((communication, index) =>
        {
            var failure = SesBusinessRules.Check(communication, type, establishment, options);
            return new SesFakeCommunication
            {
                Orden = index + 1,
                Referencia = communication.Element("contrato")!.Element("referencia")!.Value,
                CodigoComunicacion = failure is null ? Guid.NewGuid().ToString() : null,
                Error = failure,
                Xml = communication.ToString(SaveOptions.DisableFormatting),
            };
        }).ToList();
        var lot = state.AddLot(arrendador, aplicacion, "A", type, received);
        return SesSoap.Wrap("comunicacionResponse", SesSoap.Respuesta(options, 0, "Ok", lot.Lote));
    }

    private static XDocument CancelCommunications(SesFakeState state, string arrendador, string aplicacion, XElement root)
    {
        var cancel = (XNamespace)SesSchema.CancelNamespace;
        var codes = root.Elements(cancel + "codigoComunicacion").ToList();
        if (root.Name != cancel + "comunicaciones" || codes.Count == 0 || root.Elements().Count() != codes.Count)
        {
            return SesSoap.Wrap("comunicacionResponse", SesSoap.Respuesta(state.Options, 10118, "Error en el formato del fichero XML de anulación"));
        }

        // The cancellation takes effect on receipt; only its report waits for the lot to be processed.
        var received = codes.Select((code, index) =>
        {
            var target = state.FindCommunication(arrendador, code.Value);
            if (target is not null)
            {
                state.Cancel(target);
            }

            return new SesFakeCommunication
            {
                Orden = index + 1,
                Referencia = code.Value,
                CodigoComunicacion = target is null ? null : code.Value,
                Error = target is null ? "No existe una comunicación para ese código" : null,
                Xml = code.ToString(SaveOptions.DisableFormatting),
            };
        }).ToList();
        var lot = state.AddLot(arrendador, aplicacion, "B", null, received);
        return SesSoap.Wrap("comunicacionResponse", SesSoap.Respuesta(state.Options, 0, "Ok", lot.Lote));
    }

    private static XDocument QueryLots(SesFakeState state, string arrendador, XElement root)
    {
        var lotes = root.Elements(QueryNamespace + "lote").Select(l => l.Value).ToList();
        if (root.Name != QueryNamespace + "lotes" || lotes.Count == 0)
        {
            return SesSoap.Wrap("comunicacionResponse", SesSoap.Respuesta(state.Options, 10118, "Error en el formato del fichero XML de consulta"));
        }

        return Lots(state, "comunicacionResponse", arrendador, lotes);
    }

    private static XDocument ConsultaLote(SesFakeState state, XElement request)
    {
        var lotes = request.Element("codigosLote")?.Elements("lote").Select(l => l.Value).ToList() ?? [];
        return lotes.Count == 0
            ? SesSoap.Wrap("consultaLoteResponse", SesSoap.Respuesta(state.Options, 10131, "Es obligatorio informar un valor para el campo lote"))
            : Lots(state, "consultaLoteResponse", state.Options.ArrendadorCode, lotes);
    }

    private static XDocument Lots(SesFakeState state, string wrapper, string arrendador, List<string> lotes)
    {
        if (lotes.Count > MaxLots)
        {
            return SesSoap.Wrap(wrapper, SesSoap.Respuesta(state.Options, 10136, "Se ha superado el número máximo de lotes a consultar"));
        }

        // Unknown lots, and lots of another entity, are left out silently as the service does.
        var found = lotes.Select(lote => state.FindLot(arrendador, lote)).OfType<SesFakeLot>().ToList();
        return SesSoap.Wrap(wrapper, SesSoap.Respuesta(state.Options, 0, "Ok"), found.Select(lot => SesSoap.Resultado(state, lot)));
    }

    private static XDocument AnulacionLote(SesFakeState state, XElement request)
    {
        var lote = Text(request, "lote");
        if (lote is null)
        {
            return SesSoap.Wrap("anulacionLoteResponse", new XElement("codigo", 10131), new XElement("descripcion", "Es obligatorio informar un valor para el campo lote"));
        }

        if (state.FindLot(state.Options.ArrendadorCode, lote) is not { TipoOperacion: "A" } lot)
        {
            return SesSoap.Wrap("anulacionLoteResponse", new XElement("codigo", 10113), new XElement("descripcion", "No existe el lote indicado"));
        }

        state.Cancel(lot);
        return SesSoap.Wrap("anulacionLoteResponse", new XElement("codigo", 0), new XElement("descripcion", "Ok"));
    }

    private static XDocument Catalogo(XElement request)
    {
        var name = request.Element("peticion")?.Element("catalogo")?.Value.Trim() ?? "";
        IEnumerable<(string Code, string Description)>? rows = name.Length == 0
            ? SesCatalog.Tables.Keys.Select(table => (table, table))
            : SesCatalog.Tables.GetValueOrDefault(name);
        if (rows is null)
        {
            return SesSoap.Wrap("catalogoResponse",
                new XElement("resultado", new XElement("codigo", 10130), new XElement("descripcion", "Valor incorrecto para el campo catalogo")));
        }

        return SesSoap.Wrap("catalogoResponse",
            new XElement("resultado", new XElement("codigo", 0), new XElement("descripcion", "Ok")),
            new XElement("respuesta", new XElement("resultado", rows.Select(row =>
                new XElement("tupla", new XElement("codigo", row.Code), new XElement("descripcion", row.Description))))));
    }

    private static string? Text(XElement parent, string name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    // Base64, then a ZIP with one entry, then strict UTF-8: any step failing is the service's 10111.
    private static string? Unpack(string solicitud)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(Convert.FromBase64String(solicitud)), ZipArchiveMode.Read);
            var entry = zip.Entries.FirstOrDefault(e => e.Length > 0);
            if (entry is null)
            {
                return null;
            }

            using var content = entry.Open();
            using var buffer = new MemoryStream();
            content.CopyTo(buffer);
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()).TrimStart('\uFEFF');
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException or DecoderFallbackException)
        {
            return null;
        }
    }
}
