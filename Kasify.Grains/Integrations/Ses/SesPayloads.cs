using System.Globalization;
using System.Xml.Linq;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// Builds the inner XML of create requests (<c>PV</c>, <c>RH</c>) exactly in the schema's element order. Each block is
/// an <c>xsd:sequence</c>, so the order of the <see cref="XElement"/> arguments below is the wire order. Only the root is
/// qualified: the children stay in the empty namespace and the root declares a prefix, never a default namespace.
/// </summary>
public static class SesPayloads
{
    private const string DateFormat = "yyyy-MM-dd";

    // No offset and no fractions: the documented format has neither.
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Validates <paramref name="register"/> and builds its <c>alt:peticion</c> document.</summary>
    /// <exception cref="SesValidationException">The register breaks a rule of the service.</exception>
    public static XElement GuestRegister(SesGuestRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        SesValidator.Validate(register);
        var ns = SesNamespaces.GuestRegister;
        return new XElement(
            ns + "peticion",
            new XAttribute(XNamespace.Xmlns + "alt", ns),
            new XElement(
                "solicitud",
                new XElement("codigoEstablecimiento", register.EstablishmentCode),
                register.Stays.Select(stay => new XElement(
                    "comunicacion",
                    Contract(stay.Contract),
                    stay.Guests.Select(guest => Person(guest, register: true))))));
    }

    /// <summary>Validates <paramref name="report"/> and builds its <c>res:peticion</c> document.</summary>
    /// <exception cref="SesValidationException">The report breaks a rule of the service.</exception>
    public static XElement BookingReport(SesBookingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        SesValidator.Validate(report);
        var ns = SesNamespaces.BookingReport;
        return new XElement(
            ns + "peticion",
            new XAttribute(XNamespace.Xmlns + "res", ns),
            new XElement(
                "solicitud",
                report.Bookings.Select(booking => new XElement(
                    "comunicacion",
                    Establishment(booking.Establishment),
                    Contract(booking.Contract),
                    booking.People.Select(person => Person(person, register: false))))));
    }

    /// <summary>The <c>an:comunicaciones</c> document that cancels communications by their codes.</summary>
    public static XElement Cancellation(IEnumerable<string> communicationCodes)
    {
        ArgumentNullException.ThrowIfNull(communicationCodes);
        var ns = SesNamespaces.Cancellation;
        return new XElement(
            ns + "comunicaciones",
            new XAttribute(XNamespace.Xmlns + "an", ns),
            communicationCodes.Select(code => new XElement(ns + "codigoComunicacion", code)));
    }

    /// <summary>The <c>cq:lotes</c> document that queries lots through <c>comunicacion</c>.</summary>
    public static XElement LotQuery(IEnumerable<string> lots)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var ns = SesNamespaces.LotQuery;
        return new XElement(
            ns + "lotes",
            new XAttribute(XNamespace.Xmlns + "cq", ns),
            lots.Select(lot => new XElement(ns + "lote", lot)));
    }

    private static XElement Establishment(SesEstablishment establishment) => establishment.Code is { } code
        ? new XElement("establecimiento", new XElement("codigo", code))
        : new XElement(
            "establecimiento",
            new XElement(
                "datosEstablecimiento",
                new XElement("tipo", establishment.Type),
                new XElement("nombre", establishment.Name),
                Address(establishment.Address!)));

    private static XElement Contract(SesContract contract) => new(
        "contrato",
        new XElement("referencia", contract.Reference),
        new XElement("fechaContrato", Date(contract.ContractDate)),
        new XElement("fechaEntrada", contract.CheckIn.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
        new XElement("fechaSalida", contract.CheckOut.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
        new XElement("numPersonas", contract.People.ToString(CultureInfo.InvariantCulture)),
        Optional("numHabitaciones", contract.Rooms?.ToString(CultureInfo.InvariantCulture)),
        Optional("internet", contract.Internet is { } internet ? (internet ? "true" : "false") : null),
        new XElement(
            "pago",
            new XElement("tipoPago", contract.Payment.Type),
            Optional("fechaPago", contract.Payment.Date is { } paid ? Date(paid) : null),
            Optional("medioPago", contract.Payment.Method),
            Optional("titular", contract.Payment.Holder),
            Optional("caducidadTarjeta", contract.Payment.CardExpiry)));

    private static XElement Person(SesPerson person, bool register) => new(
        "persona",
        new XElement("rol", person.Role),
        new XElement("nombre", person.FirstName),
        new XElement("apellido1", person.LastName1),
        Optional("apellido2", person.LastName2),
        Optional("tipoDocumento", person.DocumentType),
        Optional("numeroDocumento", person.DocumentNumber),
        register ? Optional("soporteDocumento", person.SupportNumber) : null,
        Optional("fechaNacimiento", person.BirthDate is { } birth ? Date(birth) : null),
        Optional("nacionalidad", person.Nationality),
        Optional("sexo", person.Sex),
        person.Address is { } address ? Address(address) : null,
        Optional("telefono", person.Phone),
        Optional("telefono2", person.Phone2),
        Optional("correo", person.Email),
        register ? Optional("parentesco", person.Relationship) : null);

    private static XElement Address(SesAddress address) => new(
        "direccion",
        new XElement("direccion", address.Street),
        Optional("direccionComplementaria", address.Complement),
        Optional("codigoMunicipio", address.MunicipalityCode),
        Optional("nombreMunicipio", address.MunicipalityName),
        new XElement("codigoPostal", address.PostalCode),
        new XElement("pais", address.Country));

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    // XElement skips null content, so an absent optional field leaves no empty element behind.
    private static XElement? Optional(string name, string? value) => string.IsNullOrWhiteSpace(value) ? null : new XElement(name, value);
}
