using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kasify.Fakes.Ses;

/// <summary>
/// The XSD rules of the inner PV and RH documents that the service checks on receipt: element order (every block is an
/// <c>xsd:sequence</c>), required elements, lengths, formats and code tables. A violation is answered synchronously.
/// </summary>
internal static partial class SesSchema
{
    public const string PvNamespace = "http://www.neg.hospedajes.mir.es/altaParteHospedaje";
    public const string RhNamespace = "http://www.neg.hospedajes.mir.es/altaReservaHospedaje";
    public const string CancelNamespace = "http://www.neg.hospedajes.mir.es/anularComunicacion";

    private static readonly Field[] Direccion =
    [
        new("direccion", true, Kind.Text, 100),
        new("direccionComplementaria", false, Kind.Text, 100),
        new("codigoMunicipio", false, Kind.Municipio),
        new("nombreMunicipio", false, Kind.Text, 100),
        new("codigoPostal", true, Kind.Text, 20),
        new("pais", true, Kind.Country),
    ];

    private static readonly Field[] Contrato =
    [
        new("referencia", true, Kind.Text, 50),
        new("fechaContrato", true, Kind.Date),
        new("fechaEntrada", true, Kind.DateTime),
        new("fechaSalida", true, Kind.DateTime),
        new("numPersonas", true, Kind.Int),
        new("numHabitaciones", false, Kind.Int),
        new("internet", false, Kind.Boolean),
        new("pago", true, Kind.Block, Children:
        [
            new("tipoPago", true, Kind.Text, 5, Table: "TIPO_PAGO"),
            new("fechaPago", false, Kind.Date),
            new("medioPago", false, Kind.Text, 50),
            new("titular", false, Kind.Text, 100),
            new("caducidadTarjeta", false, Kind.Card),
        ]),
    ];

    private static readonly Field[] PersonaPv =
    [
        new("rol", true, Kind.Text, 2, Table: "ROL"),
        new("nombre", true, Kind.Text, 50),
        new("apellido1", true, Kind.Text, 50),
        new("apellido2", false, Kind.Text, 50),
        new("tipoDocumento", false, Kind.Text, 5, Table: "TIPO_DOCUMENTO"),
        new("numeroDocumento", false, Kind.Text, 15),
        new("soporteDocumento", false, Kind.Text, 9),
        new("fechaNacimiento", true, Kind.Date),
        new("nacionalidad", false, Kind.Country),
        new("sexo", false, Kind.Text, 1, Table: "SEXO"),
        new("direccion", true, Kind.Block, Children: Direccion),
        new("telefono", false, Kind.Text, 20),
        new("telefono2", false, Kind.Text, 20),
        new("correo", false, Kind.Email, 250),
        new("parentesco", false, Kind.Text, 2, Table: "TIPO_PARENTESCO"),
    ];

    // The booking persona is the PV one minus soporteDocumento and parentesco, with almost everything optional.
    private static readonly Field[] PersonaRh =
    [
        new("rol", true, Kind.Text, 2, Table: "ROL"),
        new("nombre", true, Kind.Text, 50),
        new("apellido1", true, Kind.Text, 50),
        new("apellido2", false, Kind.Text, 50),
        new("tipoDocumento", false, Kind.Text, 5, Table: "TIPO_DOCUMENTO"),
        new("numeroDocumento", false, Kind.Text, 15),
        new("fechaNacimiento", false, Kind.Date),
        new("nacionalidad", false, Kind.Country),
        new("sexo", false, Kind.Text, 1, Table: "SEXO"),
        new("direccion", false, Kind.Block, Children: Direccion),
        new("telefono", false, Kind.Text, 20),
        new("telefono2", false, Kind.Text, 20),
        new("correo", false, Kind.Email, 250),
    ];

    private static readonly Field[] PvSolicitud =
    [
        new("codigoEstablecimiento", true, Kind.Text, 10),
        new("comunicacion", true, Kind.Block, Repeats: true, Children:
        [
            new("contrato", true, Kind.Block, Children: Contrato),
            new("persona", true, Kind.Block, Repeats: true, Children: PersonaPv),
        ]),
    ];

    private static readonly Field[] RhSolicitud =
    [
        new("comunicacion", true, Kind.Block, Repeats: true, Children:
        [
            new("establecimiento", true, Kind.Choice, Children:
            [
                new("codigo", false, Kind.Text, 10),
                new("datosEstablecimiento", false, Kind.Block, Children:
                [
                    new("tipo", true, Kind.Text, 10, Table: "TIPO_ESTABLECIMIENTO"),
                    new("nombre", true, Kind.Text, 50),
                    new("direccion", true, Kind.Block, Children: Direccion),
                ]),
            ]),
            new("contrato", true, Kind.Block, Children: Contrato),
            new("persona", true, Kind.Block, Repeats: true, Children: PersonaRh),
        ]),
    ];

    /// <summary>
    /// Checks <paramref name="root"/> as the inner document of <paramref name="type"/> (PV or RH) and returns the
    /// synchronous error (10118 structure, 10131 missing value, 10130 wrong value), or null when it is schema-valid.
    /// </summary>
    public static SesError? Check(XElement root, string type)
    {
        var (ns, solicitudFields) = type == "PV" ? (PvNamespace, PvSolicitud) : (RhNamespace, RhSolicitud);
        if (root.Name != XName.Get("peticion", ns))
        {
            return SesError.Format($"se esperaba el elemento peticion de {ns}");
        }

        var children = root.Elements().ToList();
        if (children.Count != 1 || children[0].Name != XName.Get("solicitud"))
        {
            return SesError.Format("peticion debe contener un único elemento solicitud");
        }

        return CheckSequence(children[0], solicitudFields);
    }

    private static SesError? CheckSequence(XElement block, IReadOnlyList<Field> fields)
    {
        var children = block.Elements().ToList();
        var index = 0;
        foreach (var field in fields)
        {
            var count = 0;
            while (index < children.Count && children[index].Name == XName.Get(field.Name))
            {
                if (count > 0 && !field.Repeats)
                {
                    return SesError.Format($"elemento {field.Name} repetido en {block.Name.LocalName}");
                }

                if (CheckElement(children[index], field) is { } error)
                {
                    return error;
                }

                count++;
                index++;
            }

            if (count == 0 && field.Required)
            {
                // A required element that is present further on was sent out of order; otherwise it is missing.
                return children.Any(child => child.Name == XName.Get(field.Name))
                    ? SesError.Format($"elemento {field.Name} fuera de orden en {block.Name.LocalName}")
                    : SesError.Required(field.Name);
            }
        }

        if (index < children.Count)
        {
            var unexpected = children[index].Name;
            return fields.Any(f => unexpected == XName.Get(f.Name))
                ? SesError.Format($"elemento {unexpected.LocalName} fuera de orden en {block.Name.LocalName}")
                : SesError.Format($"elemento inesperado {unexpected} en {block.Name.LocalName}");
        }

        return null;
    }

    private static SesError? CheckElement(XElement element, Field field)
    {
        if (field.Kind == Kind.Block)
        {
            return CheckSequence(element, field.Children!);
        }

        if (field.Kind == Kind.Choice)
        {
            var chosen = element.Elements().ToList();
            if (chosen.Count != 1)
            {
                return SesError.Format($"{field.Name} debe contener exactamente una opción");
            }

            var option = field.Children!.FirstOrDefault(f => chosen[0].Name == XName.Get(f.Name));
            return option is null
                ? SesError.Format($"elemento inesperado {chosen[0].Name} en {field.Name}")
                : CheckElement(chosen[0], option);
        }

        if (element.HasElements)
        {
            return SesError.Format($"{field.Name} no admite elementos hijos");
        }

        var value = element.Value;
        if (value.Length == 0)
        {
            return SesError.Required(field.Name);
        }

        var valid = field.Kind switch
        {
            Kind.Text => true,
            Kind.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            Kind.DateTime => TryParseDateTime(value, out _),
            Kind.Int => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            Kind.Boolean => value is "true" or "false" or "1" or "0",
            Kind.Country => CountryPattern().IsMatch(value),
            Kind.Municipio => MunicipioPattern().IsMatch(value),
            Kind.Email => EmailPattern().IsMatch(value),
            Kind.Card => CardPattern().IsMatch(value),
            _ => false,
        };
        if (!valid || (field.MaxLength > 0 && value.Length > field.MaxLength)
            || (field.Table is { } table && !SesCatalog.Contains(table, value)))
        {
            return SesError.WrongValue(field.Name);
        }

        return null;
    }

    /// <summary>Parses an <c>xsd:dateTime</c> as the service reads it: a local date and time, with or without an offset.</summary>
    public static bool TryParseDateTime(string value, out DateTime result)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFF", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFzzz"];
        if (DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            result = parsed.DateTime;
            return true;
        }

        result = default;
        return false;
    }

    [GeneratedRegex("^[a-zA-Z]{3}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex MunicipioPattern();

    [GeneratedRegex(@"^[^@]+@[^\.]+\..+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(0[1-9]|1[0-2])/\d{4}$")]
    private static partial Regex CardPattern();

    private enum Kind
    {
        Text,
        Date,
        DateTime,
        Int,
        Boolean,
        Country,
        Municipio,
        Email,
        Card,
        Block,
        Choice,
    }

    private sealed record Field(string Name, bool Required, Kind Kind, int MaxLength = 0, bool Repeats = false, Field[]? Children = null, string? Table = null);
}
