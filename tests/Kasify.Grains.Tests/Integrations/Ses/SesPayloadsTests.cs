using System.Xml.Linq;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.CheckIn;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>The inner PV and RH documents: element order, formats, namespaces and the optional blocks.</summary>
public sealed class SesPayloadsTests
{
    private static string[] Children(XElement element) => [.. element.Elements().Select(e => e.Name.LocalName)];

    [Fact]
    public void GuestRegisterQualifiesOnlyTheRootWithAPrefix()
    {
        var xml = SesPayloads.GuestRegister(SesSamples.Register(SesSamples.Mother, SesSamples.Son));

        Assert.Equal(SesNamespaces.GuestRegister + "peticion", xml.Name);
        Assert.Equal("alt", xml.GetPrefixOfNamespace(SesNamespaces.GuestRegister));
        Assert.All(xml.Descendants(), e => Assert.Equal(XNamespace.None, e.Name.Namespace));
        Assert.DoesNotContain("xmlns=", xml.ToString(SaveOptions.DisableFormatting), StringComparison.Ordinal);
    }

    [Fact]
    public void GuestRegisterFollowsTheSchemaOrder()
    {
        var xml = SesPayloads.GuestRegister(SesSamples.Register(SesSamples.Mother, SesSamples.Son));

        var solicitud = xml.Element("solicitud")!;
        Assert.Equal(["codigoEstablecimiento", "comunicacion"], Children(solicitud));
        var comunicacion = solicitud.Element("comunicacion")!;
        Assert.Equal(["contrato", "persona", "persona"], Children(comunicacion));
        Assert.Equal(
            ["referencia", "fechaContrato", "fechaEntrada", "fechaSalida", "numPersonas", "numHabitaciones", "internet", "pago"],
            Children(comunicacion.Element("contrato")!));
        Assert.Equal(
            ["tipoPago", "fechaPago", "medioPago", "titular", "caducidadTarjeta"],
            Children(comunicacion.Element("contrato")!.Element("pago")!));
        Assert.Equal(
            [
                "rol", "nombre", "apellido1", "apellido2", "tipoDocumento", "numeroDocumento", "soporteDocumento",
                "fechaNacimiento", "nacionalidad", "sexo", "direccion", "telefono", "correo", "parentesco",
            ],
            Children(comunicacion.Elements("persona").First()));
        Assert.Equal(
            ["direccion", "codigoMunicipio", "codigoPostal", "pais"],
            Children(comunicacion.Elements("persona").First().Element("direccion")!));
    }

    [Fact]
    public void ContractFieldsUseTheDocumentedFormats()
    {
        var contrato = SesPayloads.GuestRegister(SesSamples.Register(SesSamples.Mother, SesSamples.Son)).Descendants("contrato").Single();

        Assert.Equal("BK-2025-0042", (string?)contrato.Element("referencia"));
        Assert.Equal("2025-06-02", (string?)contrato.Element("fechaContrato"));
        Assert.Equal("2025-07-14T17:30:00", (string?)contrato.Element("fechaEntrada"));
        Assert.Equal("2025-07-21T10:00:00", (string?)contrato.Element("fechaSalida"));
        Assert.Equal("2", (string?)contrato.Element("numPersonas"));
        Assert.Equal("true", (string?)contrato.Element("internet"));
        Assert.Equal("TARJT", (string?)contrato.Element("pago")!.Element("tipoPago"));
        Assert.Equal("2025-06-02", (string?)contrato.Element("pago")!.Element("fechaPago"));
        Assert.Equal("08/2027", (string?)contrato.Element("pago")!.Element("caducidadTarjeta"));
    }

    [Fact]
    public void UnknownArrivalTimeIsMidnightAndOptionalContractFieldsAreLeftOut()
    {
        var contract = SesSamples.Contract with
        {
            People = 1,
            CheckIn = new DateTime(2025, 7, 14),
            Rooms = null,
            Internet = false,
            Payment = new SesPayment(SesPaymentType.Cash),
        };
        var register = new SesGuestRegister("0000123457", [new SesStay(contract, [SesSamples.Tourist])]);

        var contrato = SesPayloads.GuestRegister(register).Descendants("contrato").Single();

        Assert.Equal("2025-07-14T00:00:00", (string?)contrato.Element("fechaEntrada"));
        Assert.Equal("false", (string?)contrato.Element("internet"));
        Assert.Null(contrato.Element("numHabitaciones"));
        Assert.Equal(["tipoPago"], Children(contrato.Element("pago")!));
    }

    [Fact]
    public void MinorWithoutDocumentLeavesTheDocumentFieldsOutAndCarriesParentesco()
    {
        var xml = SesPayloads.GuestRegister(SesSamples.Register(SesSamples.Mother, SesSamples.Son));

        var child = xml.Descendants("persona").Last();
        Assert.Null(child.Element("tipoDocumento"));
        Assert.Null(child.Element("numeroDocumento"));
        Assert.Null(child.Element("soporteDocumento"));
        Assert.Equal("2016-05-20", (string?)child.Element("fechaNacimiento"));
        Assert.Equal("HJ", (string?)child.Element("parentesco"));
        Assert.Equal("PM", (string?)xml.Descendants("persona").First().Element("parentesco"));
    }

    [Fact]
    public void ForeignAddressCarriesTheTownNameAndNoMunicipalityCode()
    {
        var xml = SesPayloads.GuestRegister(SesSamples.Register(SesSamples.Tourist));

        var direccion = xml.Descendants("persona").Single().Element("direccion")!;
        Assert.Equal(["direccion", "nombreMunicipio", "codigoPostal", "pais"], Children(direccion));
        Assert.Equal("Berlin", (string?)direccion.Element("nombreMunicipio"));
        Assert.Equal("DEU", (string?)direccion.Element("pais"));
    }

    [Fact]
    public void SpanishAddressCarriesTheIneCode()
    {
        var xml = SesPayloads.GuestRegister(SesSamples.Register(SesSamples.Mother with { Relationship = null }));

        var direccion = xml.Descendants("persona").Single().Element("direccion")!;
        Assert.Equal("28079", (string?)direccion.Element("codigoMunicipio"));
        Assert.Null(direccion.Element("nombreMunicipio"));
    }

    [Theory]
    [InlineData(GuestDocumentType.Nif, "12345678Z", "ABC123456", "Ruiz")]
    [InlineData(GuestDocumentType.Nie, "X1234567L", "E12345678", null)]
    [InlineData(GuestDocumentType.Passport, "PAA123456", null, null)]
    [InlineData(GuestDocumentType.Other, "DE-ID-998877", null, null)]
    public void EveryDocumentTypeIsSentWithItsFields(string type, string number, string? support, string? lastName2)
    {
        var guest = SesSamples.Tourist with { DocumentType = type, DocumentNumber = number, SupportNumber = support, LastName2 = lastName2, Nationality = "ESP" };

        var persona = SesPayloads.GuestRegister(SesSamples.Register(guest)).Descendants("persona").Single();

        Assert.Equal(type, (string?)persona.Element("tipoDocumento"));
        Assert.Equal(number, (string?)persona.Element("numeroDocumento"));
        Assert.Equal(support, (string?)persona.Element("soporteDocumento"));
        Assert.Equal(lastName2, (string?)persona.Element("apellido2"));
    }

    [Fact]
    public void BookingReportHasNoSolicitudLevelEstablishmentAndNoRegisterOnlyFields()
    {
        var holder = new SesPerson(SesRole.Holder, "Anna", "Schmidt", Email: "anna@example.org");
        var traveller = SesSamples.Tourist with { DocumentNumber = "C01X00T48" };

        var xml = SesPayloads.BookingReport(SesSamples.Booking(holder, traveller));

        Assert.Equal(SesNamespaces.BookingReport + "peticion", xml.Name);
        Assert.Equal("res", xml.GetPrefixOfNamespace(SesNamespaces.BookingReport));
        Assert.All(xml.Descendants(), e => Assert.Equal(XNamespace.None, e.Name.Namespace));
        Assert.Equal(["comunicacion"], Children(xml.Element("solicitud")!));
        var comunicacion = xml.Element("solicitud")!.Element("comunicacion")!;
        Assert.Equal(["establecimiento", "contrato", "persona", "persona"], Children(comunicacion));
        Assert.Equal("0000123457", (string?)comunicacion.Element("establecimiento")!.Element("codigo"));
        Assert.Equal(["rol", "nombre", "apellido1", "correo"], Children(comunicacion.Elements("persona").First()));
        Assert.Equal("TI", (string?)comunicacion.Elements("persona").First().Element("rol"));
        Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName is "soporteDocumento" or "parentesco");
    }

    [Fact]
    public void BookingForAnUnregisteredPropertySendsItsDetails()
    {
        var holder = new SesPerson(SesRole.Holder, "Anna", "Schmidt", Phone: "+4930123456");
        var booking = new SesBooking(
            new SesEstablishment(null, "VUT", "Casa Azul", SesSamples.Madrid),
            SesSamples.Contract with { People = 1 },
            [holder]);

        var establecimiento = SesPayloads.BookingReport(new SesBookingReport([booking])).Descendants("establecimiento").Single();

        Assert.Equal(["datosEstablecimiento"], Children(establecimiento));
        Assert.Equal(["tipo", "nombre", "direccion"], Children(establecimiento.Element("datosEstablecimiento")!));
    }

    [Fact]
    public void CancellationAndLotQueryAreQualifiedThroughout()
    {
        var cancel = SesPayloads.Cancellation(["a", "b"]);
        var query = SesPayloads.LotQuery(["l1"]);

        Assert.Equal(SesNamespaces.Cancellation + "comunicaciones", cancel.Name);
        Assert.All(cancel.Elements(), e => Assert.Equal(SesNamespaces.Cancellation + "codigoComunicacion", e.Name));
        Assert.Equal(2, cancel.Elements().Count());
        Assert.Equal(SesNamespaces.LotQuery + "lotes", query.Name);
        Assert.Equal("l1", (string?)query.Element(SesNamespaces.LotQuery + "lote"));
    }
}
