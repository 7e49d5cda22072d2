using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Kasify.Fakes.Ses;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>Drives the SES fake with hand-built SOAP requests: auth, envelope parsing, synchronous errors, lot lifecycle and switches.</summary>
public sealed class SesFakeTests : IAsyncLifetime
{
    private const string Path = "/hospedajes-web/ws/v1/comunicacion";
    private const string Contrato = """
        <contrato><referencia>BK-1</referencia><fechaContrato>2025-06-02</fechaContrato>
        <fechaEntrada>2025-07-14T17:30:00</fechaEntrada><fechaSalida>2025-07-21T10:00:00</fechaSalida>
        <numPersonas>{0}</numPersonas><internet>true</internet><pago><tipoPago>TARJT</tipoPago></pago></contrato>
        """;
    private const string Adult = """
        <persona><rol>VI</rol><nombre>Lucía</nombre><apellido1>Martín</apellido1><apellido2>Ruiz</apellido2>
        <tipoDocumento>NIF</tipoDocumento><numeroDocumento>12345678Z</numeroDocumento><soporteDocumento>ABC123456</soporteDocumento>
        <fechaNacimiento>1985-03-09</fechaNacimiento><nacionalidad>ESP</nacionalidad><sexo>M</sexo>
        <direccion><direccion>Calle Mayor 10</direccion><codigoMunicipio>28079</codigoMunicipio><codigoPostal>28013</codigoPostal><pais>ESP</pais></direccion>
        <telefono>+34600111222</telefono><parentesco>PM</parentesco></persona>
        """;
    private const string Child = """
        <persona><rol>VI</rol><nombre>Pablo</nombre><apellido1>García</apellido1>
        <fechaNacimiento>2016-05-20</fechaNacimiento><nacionalidad>ESP</nacionalidad><sexo>H</sexo>
        <direccion><direccion>Calle Mayor 10</direccion><codigoMunicipio>28079</codigoMunicipio><codigoPostal>28013</codigoPostal><pais>ESP</pais></direccion>
        <telefono>+34600111222</telefono><parentesco>HJ</parentesco></persona>
        """;

    private readonly SesFakeServer _fake = new();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _http.BaseAddress = await _fake.StartAsync();
        _http.DefaultRequestHeaders.Authorization = Basic(_fake.State.Options.Username, _fake.State.Options.Password);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task AGuestRegisterGetsALotThatIsInProcessThenAccepted()
    {
        var answer = await SendAsync(Comunicacion(Pv(Communication(2, Adult + Child))));

        Assert.Equal("0", Value(answer, "codigo"));
        var lote = Value(answer, "lote");
        Assert.Equal(36, lote!.Length);

        var first = await SendAsync(ConsultaLote(lote));
        Assert.Equal("4", Value(first, "codigoEstado"));
        Assert.Null(Value(first, "codigoComunicacion"));

        var second = await SendAsync(ConsultaLote(lote));
        Assert.Equal("1", Value(second, "codigoEstado"));
        Assert.Equal(36, Value(second, "codigoComunicacion")!.Length);
        Assert.Equal("PV", Value(second, "tipoComunicacion"));

        var state = await _http.GetFromJsonAsync<JsonElement>("/fake/state");
        Assert.Equal(1, state.GetProperty("communications").GetInt32());
        Assert.Single(_fake.State.Communications);
    }

    [Fact]
    public async Task ABookingWithAHolderIsAccepted()
    {
        var rh = $"""
            <res:peticion xmlns:res="http://www.neg.hospedajes.mir.es/altaReservaHospedaje"><solicitud><comunicacion>
            <establecimiento><codigo>0000123457</codigo></establecimiento>{string.Format(null, Contrato, 1)}
            <persona><rol>TI</rol><nombre>Anna</nombre><apellido1>Schmidt</apellido1><correo>anna@example.org</correo></persona>
            </comunicacion></solicitud></res:peticion>
            """;

        var lote = Value(await SendAsync(Comunicacion(rh, "RH")), "lote")!;
        await SendAsync(ConsultaLote(lote));
        var result = await SendAsync(ConsultaLote(lote));

        Assert.Equal("1", Value(result, "codigoEstado"));
        Assert.Equal("RH", Value(result, "tipoComunicacion"));
    }

    [Fact]
    public async Task WrongCredentialsAndTheRejectSwitchAre401()
    {
        using var wrong = new HttpRequestMessage(HttpMethod.Post, Path) { Content = Soap(Catalogo("SEXO")) };
        wrong.Headers.Authorization = Basic(_fake.State.Options.Username, "not-the-password");
        using var refused = await _http.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await SwitchAsync(new { rejectCredentials = true });
        using var rejected = await _http.PostAsync(Path, Soap(Catalogo("SEXO")));
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);

        await SwitchAsync(new { rejectCredentials = false });
        using var accepted = await _http.PostAsync(Path, Soap(Catalogo("SEXO")));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData("9999999999", "Kasify", "A", "PV", 10103)]
    [InlineData("0000123456", "Kasify", "X", "PV", 10117)]
    [InlineData("0000123456", "Kasify", "A", "", 10116)]
    [InlineData("0000123456", "Kasify", "A", "ZZ", 10122)]
    [InlineData("0000123456", "Kasify", "", "PV", 10112)]
    [InlineData("", "Kasify", "A", "PV", 10100)]
    [InlineData("0000123456", "", "A", "PV", 10101)]
    [InlineData("0000123456", "An application name that is far longer than fifty characters", "A", "PV", 10150)]
    public async Task HeaderErrorsAreAnsweredAtOnceWithoutALot(string arrendador, string aplicacion, string operation, string type, int code)
    {
        var answer = await SendAsync(Comunicacion(Pv(Communication(1, Adult)), type, operation, arrendador, aplicacion));

        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), Value(answer, "codigo"));
        Assert.Null(Value(answer, "lote"));
        Assert.Empty(_fake.State.Lots);
    }

    [Fact]
    public async Task ASolicitudThatIsNotAZipIs10111()
    {
        var envelope = Envelope($"""
            <com:comunicacionRequest><peticion><cabecera><codigoArrendador>0000123456</codigoArrendador><aplicacion>Kasify</aplicacion>
            <tipoOperacion>A</tipoOperacion><tipoComunicacion>PV</tipoComunicacion></cabecera>
            <solicitud>{Convert.ToBase64String(Encoding.UTF8.GetBytes("<not-zipped/>"))}</solicitud></peticion></com:comunicacionRequest>
            """);

        Assert.Equal("10111", Value(await SendAsync(envelope), "codigo"));
    }

    [Theory]
    [InlineData("<nombre>Lucía</nombre>", "", "10131")]
    [InlineData("<sexo>M</sexo>", "<sexo>F</sexo>", "10130")]
    [InlineData("<tipoDocumento>NIF</tipoDocumento>", "<tipoDocumento>DNI</tipoDocumento>", "10130")]
    [InlineData("<nombre>Lucía</nombre><apellido1>Martín</apellido1>", "<apellido1>Martín</apellido1><nombre>Lucía</nombre>", "10118")]
    [InlineData("<soporteDocumento>ABC123456</soporteDocumento>", "<soporteDocumento>ABC1234567</soporteDocumento>", "10130")]
    [InlineData("<fechaNacimiento>1985-03-09</fechaNacimiento>", "<fechaNacimiento>09/03/1985</fechaNacimiento>", "10130")]
    [InlineData("<telefono>+34600111222</telefono>", "<movil>+34600111222</movil>", "10118")]
    public async Task SchemaViolationsInTheInnerXmlAreAnsweredAtOnce(string original, string replacement, string code)
    {
        var answer = await SendAsync(Comunicacion(Pv(Communication(1, Adult.Replace(original, replacement, StringComparison.Ordinal)))));

        Assert.Equal(code, Value(answer, "codigo"));
        Assert.Null(Value(answer, "lote"));
    }

    [Fact]
    public async Task UnparsableInnerXmlIs10118()
    {
        Assert.Equal("10118", Value(await SendAsync(Comunicacion("<alt:peticion")), "codigo"));
    }

    [Fact]
    public async Task BusinessRulesFailSingleCommunicationsLater()
    {
        var noMunicipio = Adult.Replace("<codigoMunicipio>28079</codigoMunicipio>", "", StringComparison.Ordinal);
        var badDni = Adult.Replace("12345678Z", "12345678A", StringComparison.Ordinal);
        var answer = await SendAsync(Comunicacion(Pv(Communication(1, Adult) + Communication(1, noMunicipio) + Communication(2, Adult))));
        var lote = Value(answer, "lote")!;

        await SendAsync(ConsultaLote(lote));
        var partial = await SendAsync(ConsultaLote(lote));

        Assert.Equal("6", Value(partial, "codigoEstado"));
        var results = partial.Descendants("resultadoComunicacion").ToList();
        Assert.Equal(3, results.Count);
        Assert.NotNull(results[0].Element("codigoComunicacion"));
        Assert.Contains("Código de municipio obligatorio", results[1].Element("error")!.Value, StringComparison.Ordinal);
        Assert.Contains("número de personas", results[2].Element("error")!.Value, StringComparison.Ordinal);

        var failed = Value(await SendAsync(Comunicacion(Pv(Communication(1, badDni)))), "lote")!;
        await SendAsync(ConsultaLote(failed));
        var all = await SendAsync(ConsultaLote(failed));
        Assert.Equal("2", Value(all, "codigoEstado"));
        Assert.Contains("no válido", Value(all, "error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMinorWithoutAnAdultRelationFails()
    {
        var adultWithoutRelation = Adult.Replace("<parentesco>PM</parentesco>", "", StringComparison.Ordinal);
        var lote = Value(await SendAsync(Comunicacion(Pv(Communication(2, adultWithoutRelation + Child)))), "lote")!;
        await SendAsync(ConsultaLote(lote));

        Assert.Contains("parentesco", Value(await SendAsync(ConsultaLote(lote)), "error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingALotOrACommunicationMarksItAnulada()
    {
        var first = Value(await SendAsync(Comunicacion(Pv(Communication(1, Adult)))), "lote")!;
        var second = Value(await SendAsync(Comunicacion(Pv(Communication(1, Adult)))), "lote")!;
        await SendAsync(ConsultaLote(first, second));
        var codigo = Value(await SendAsync(ConsultaLote(second)), "codigoComunicacion")!;

        var anulacion = await SendAsync(Envelope($"<com:anulacionLoteRequest><lote>{first}</lote></com:anulacionLoteRequest>"));
        Assert.Equal("0", Value(anulacion, "codigo"));
        Assert.Equal("true", Value(await SendAsync(ConsultaLote(first)), "anulada"));

        var cancel = $"""<an:comunicaciones xmlns:an="http://www.neg.hospedajes.mir.es/anularComunicacion"><an:codigoComunicacion>{codigo}</an:codigoComunicacion></an:comunicaciones>""";
        var cancelLot = Value(await SendAsync(Comunicacion(cancel, "", "B")), "lote")!;
        Assert.NotEqual(second, cancelLot);
        Assert.Equal("true", Value(await SendAsync(ConsultaLote(second)), "anulada"));

        var unknown = await SendAsync(Envelope($"<com:anulacionLoteRequest><lote>{Guid.NewGuid()}</lote></com:anulacionLoteRequest>"));
        Assert.Equal("10113", Value(unknown, "codigo"));
    }

    [Fact]
    public async Task UnknownLotsAreLeftOutSilently()
    {
        var answer = await SendAsync(ConsultaLote(Guid.NewGuid().ToString()));

        Assert.Equal("0", Value(answer, "codigo"));
        Assert.Empty(answer.Descendants("resultado"));
    }

    [Fact]
    public async Task QueryingLotsThroughComunicacionCReturnsResultados()
    {
        var lote = Value(await SendAsync(Comunicacion(Pv(Communication(1, Adult)))), "lote")!;
        var query = $"""<cq:lotes xmlns:cq="http://www.neg.hospedajes.mir.es/consultarComunicacion"><cq:lote>{lote}</cq:lote></cq:lotes>""";

        var answer = await SendAsync(Comunicacion(query, "", "C"));

        Assert.Equal(lote, answer.Descendants("resultado").Single().Element("lote")!.Value);
    }

    [Fact]
    public async Task CatalogoServesTheCodeTables()
    {
        var documents = await SendAsync(Catalogo("TIPO_DOCUMENTO"));
        Assert.Equal(["NIF", "NIE", "PAS", "OTRO"], documents.Descendants("tupla").Select(t => t.Element("codigo")!.Value));

        var tables = await SendAsync(Catalogo(""));
        Assert.Contains("TIPO_PAGO", tables.Descendants("tupla").Select(t => t.Element("codigo")!.Value));

        Assert.Equal("10130", Value(await SendAsync(Catalogo("NOPE")), "codigo"));
    }

    [Fact]
    public async Task AnUnparsableEnvelopeIsASoapFault()
    {
        using var response = await _http.PostAsync(Path, new StringContent("<soapenv:Envelope", Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Fault", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheErrorRateSwitchAnswers5xx()
    {
        await SwitchAsync(new { errorRate = 1.0 });

        using var response = await _http.PostAsync(Path, Soap(Catalogo("SEXO")));

        Assert.True((int)response.StatusCode >= 500);
        Assert.Empty(_fake.State.Lots);
    }

    [Fact]
    public async Task TheFailNextSwitchFailsExactlyThatManyRequestsAndStoresNothing()
    {
        await SwitchAsync(new { failNext = 2, failStatus = 502 });

        using var first = await _http.PostAsync(Path, Soap(Comunicacion(Pv(Communication(1, Adult)))));
        using var second = await _http.PostAsync(Path, Soap(Comunicacion(Pv(Communication(1, Adult)))));
        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
        Assert.Empty(_fake.State.Lots);

        Assert.Equal("0", Value(await SendAsync(Comunicacion(Pv(Communication(1, Adult)))), "codigo"));
        Assert.Single(_fake.State.Communications);
    }

    [Fact]
    public async Task ARequestWithoutBasicAuthIs401()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };

        using var response = await anonymous.PostAsync(Path, Soap(Catalogo("SEXO")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreThanTenLotsPerQueryIs10136AndResetForgetsLots()
    {
        var lote = Value(await SendAsync(Comunicacion(Pv(Communication(1, Adult)))), "lote")!;

        Assert.Equal("10136", Value(await SendAsync(ConsultaLote([.. Enumerable.Repeat(lote, 11)])), "codigo"));

        using var reset = await _http.PostAsync("/fake/reset", null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty((await SendAsync(ConsultaLote(lote))).Descendants("resultado"));
    }

    [Fact]
    public async Task TheLatencySwitchMakesClientsTimeOut()
    {
        await SwitchAsync(new { latencyMs = 2000 });
        using var impatient = new HttpClient { BaseAddress = _http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };
        impatient.DefaultRequestHeaders.Authorization = _http.DefaultRequestHeaders.Authorization;

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync(Path, Soap(Catalogo("SEXO"))));
    }

    [Fact]
    public async Task TheProcessingDelayKeepsALotInProcess()
    {
        await SwitchAsync(new { processingDelayMs = 60_000 });
        var lote = Value(await SendAsync(Comunicacion(Pv(Communication(1, Adult)))), "lote")!;

        await SendAsync(ConsultaLote(lote));

        Assert.Equal("4", Value(await SendAsync(ConsultaLote(lote)), "codigoEstado"));
    }

    [Fact]
    public async Task TheMisspelledSwitchEmitsTheExampleSpellings()
    {
        await SwitchAsync(new { misspelledElements = true });
        var answer = await SendAsync(Comunicacion(Pv(Communication(1, Adult))));
        var lote = Value(answer, "lote")!;
        Assert.Equal("0", Value(answer, "codigoRetorno"));

        await SendAsync(ConsultaLote(lote));
        Assert.Single((await SendAsync(ConsultaLote(lote))).Descendants("resutadoComunicacion"));
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    private static string Communication(int people, string personas) =>
        "<comunicacion>" + string.Format(null, Contrato, people) + personas + "</comunicacion>";

    private static string Pv(string communications) =>
        """<alt:peticion xmlns:alt="http://www.neg.hospedajes.mir.es/altaParteHospedaje"><solicitud><codigoEstablecimiento>0000123457</codigoEstablecimiento>"""
        + communications + "</solicitud></alt:peticion>";

    private static string Comunicacion(string inner, string type = "PV", string operation = "A", string arrendador = "0000123456", string aplicacion = "Kasify") =>
        Envelope($"""
            <com:comunicacionRequest><peticion><cabecera><codigoArrendador>{arrendador}</codigoArrendador><aplicacion>{aplicacion}</aplicacion>
            <tipoOperacion>{operation}</tipoOperacion>{(type.Length > 0 ? $"<tipoComunicacion>{type}</tipoComunicacion>" : "")}</cabecera>
            <solicitud>{Zip(inner)}</solicitud></peticion></com:comunicacionRequest>
            """);

    private static string ConsultaLote(params string[] lotes) =>
        Envelope("<com:consultaLoteRequest><codigosLote>" + string.Concat(lotes.Select(l => $"<lote>{l}</lote>")) + "</codigosLote></com:consultaLoteRequest>");

    private static string Catalogo(string table) =>
        Envelope($"<com:catalogoRequest><peticion><catalogo>{table}</catalogo></peticion></com:catalogoRequest>");

    private static string Envelope(string body) => $"""
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:com="http://www.soap.servicios.hospedajes.mir.es/comunicacion">
        <soapenv:Header/><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>
        """;

    private static string Zip(string xml)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("solicitud.xml").Open();
            entry.Write(new UTF8Encoding(false).GetBytes(xml));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    private static StringContent Soap(string envelope)
    {
        var content = new StringContent(envelope, new UTF8Encoding(false), "text/xml");
        content.Headers.Add("SOAPAction", "\"\"");
        return content;
    }

    private async Task<XDocument> SendAsync(string envelope)
    {
        using var response = await _http.PostAsync(Path, Soap(envelope));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task SwitchAsync(object change)
    {
        using var response = await _http.PostAsJsonAsync("/fake/switches", change);
        response.EnsureSuccessStatusCode();
    }

    private static string? Value(XDocument document, string name) => document.Descendants(name).FirstOrDefault()?.Value;
}
