using System.Globalization;
using System.Xml.Linq;

namespace Kasify.Fakes.Ses;

/// <summary>
/// The rules the Ministry checks after a lot was received (reference §9, rules 2–10): they never refuse the request,
/// they fail single communications in the lot's <c>consultaLote</c> result.
/// </summary>
internal static class SesBusinessRules
{
    private const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    /// <summary>Returns the reason one communication fails, or null when the Ministry would store it.</summary>
    public static string? Check(XElement comunicacion, string type, string? establishmentCode, SesFakeOptions options)
    {
        var code = establishmentCode ?? comunicacion.Element("establecimiento")?.Element("codigo")?.Value;
        if (code is not null && options.EstablishmentCodes.Count > 0 && !options.EstablishmentCodes.Contains(code))
        {
            return "No existe un establecimiento para ese código";
        }

        var contrato = comunicacion.Element("contrato")!;
        SesSchema.TryParseDateTime(contrato.Element("fechaEntrada")!.Value, out var entrada);
        SesSchema.TryParseDateTime(contrato.Element("fechaSalida")!.Value, out var salida);
        if (salida <= entrada)
        {
            return "La fecha de salida debe ser posterior a la fecha de entrada";
        }

        var personas = comunicacion.Elements("persona").ToList();
        if (type == "PV")
        {
            if (personas.Any(p => p.Element("rol")!.Value != "VI"))
            {
                return "El rol de las personas de un parte de viajeros debe ser VI";
            }

            if (personas.Count != int.Parse(contrato.Element("numPersonas")!.Value, CultureInfo.InvariantCulture))
            {
                return "El número de personas no coincide con las personas informadas";
            }
        }
        else if (personas.Count(p => p.Element("rol")!.Value == "TI") != 1)
        {
            return "La reserva debe tener un único titular (rol TI)";
        }

        var documents = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var minors = false;
        var adultWithRelation = false;
        foreach (var persona in personas)
        {
            if (CheckPersona(persona, type, DateOnly.FromDateTime(entrada), documents, out var adult) is { } error)
            {
                return error;
            }

            // What only the Ministry knows (its own document registers): a well-formed number it does not accept.
            if (persona.Element("numeroDocumento")?.Value is { } numero && options.RejectedDocumentNumbers.Contains(numero, StringComparer.OrdinalIgnoreCase))
            {
                return $"{persona.Element("nombre")!.Value}: el documento {numero} no consta como válido";
            }

            minors |= adult == false;
            adultWithRelation |= adult == true && persona.Element("parentesco") is not null;
        }

        return type == "PV" && minors && !adultWithRelation
            ? "Si viaja un menor, un adulto debe informar el parentesco"
            : null;
    }

    private static string? CheckPersona(XElement persona, string type, DateOnly entrada, HashSet<string> documents, out bool? adult)
    {
        adult = null;
        var name = persona.Element("nombre")!.Value;
        if (persona.Element("fechaNacimiento")?.Value is { } born)
        {
            var birth = DateOnly.ParseExact(born, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            adult = birth.AddYears(18) <= entrada;
        }

        var tipo = persona.Element("tipoDocumento")?.Value;
        var numero = persona.Element("numeroDocumento")?.Value;
        if (type == "PV" && adult == true && (tipo is null || numero is null))
        {
            return $"{name}: tipo y número de documento obligatorios para mayores de edad";
        }

        if ((tipo is null) != (numero is null))
        {
            return $"{name}: tipo y número de documento deben informarse juntos";
        }

        if (numero is not null && !documents.Add(numero))
        {
            return $"{name}: número de documento repetido en la comunicación";
        }

        if (tipo is "NIF" or "NIE")
        {
            if (type == "PV" && persona.Element("soporteDocumento") is null)
            {
                return $"{name}: número de soporte obligatorio para NIF y NIE";
            }

            if (!IsValidNifOrNie(tipo, numero!))
            {
                return $"{name}: número de documento {tipo} no válido";
            }
        }

        if (tipo == "NIF" && persona.Element("apellido2") is null)
        {
            return $"{name}: segundo apellido obligatorio para NIF";
        }

        if (persona.Element("telefono") is null && persona.Element("telefono2") is null && persona.Element("correo") is null)
        {
            return $"{name}: es obligatorio informar un teléfono o un correo";
        }

        if (persona.Element("direccion") is { } direccion)
        {
            var spain = direccion.Element("pais")!.Value.Equals("ESP", StringComparison.OrdinalIgnoreCase);
            if (spain && direccion.Element("codigoMunicipio") is null)
            {
                return "Código de municipio obligatorio si el país es España";
            }

            if (!spain && (direccion.Element("nombreMunicipio") is null || direccion.Element("codigoMunicipio") is not null))
            {
                return "Nombre de municipio obligatorio (y sin código de municipio) si el país no es España";
            }
        }

        return null;
    }

    private static bool IsValidNifOrNie(string tipo, string numero)
    {
        numero = numero.ToUpperInvariant();
        if (numero.Length != 9)
        {
            return false;
        }

        var digits = numero[..8];
        if (tipo == "NIE")
        {
            var prefix = "XYZ".IndexOf(numero[0], StringComparison.Ordinal);
            if (prefix < 0)
            {
                return false;
            }

            digits = prefix.ToString(CultureInfo.InvariantCulture) + numero[1..8];
        }

        return digits.All(char.IsAsciiDigit)
            && DniLetters[int.Parse(digits, CultureInfo.InvariantCulture) % 23] == numero[8];
    }
}
