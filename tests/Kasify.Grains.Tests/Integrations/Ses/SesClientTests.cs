using System.Net;
using System.Text;
using System.Xml.Linq;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>The HTTP side of the client: headers, body, and how HTTP failures are typed.</summary>
public sealed class SesClientTests
{
    private static readonly SesAccount Account = new("B12345678WS", "S3cretPass", "0000123456");

    private const string Accepted =
        """
        <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Header/><SOAP-ENV:Body>
        <ns3:comunicacionResponse xmlns:ns3="http://www.soap.servicios.hospedajes.mir.es/comunicacion"><respuesta>
        <codigo>0</codigo><descripcion>Ok</descripcion><lote>11111111-2222-3333-4444-555555555555</lote></respuesta>
        </ns3:comunicacionResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>
        """;

    private static (SesClient Client, Recorder Handler) Create(HttpStatusCode status, string body)
    {
        var handler = new Recorder(status, body);
        var options = new SesOptions { EndpointUrl = new Uri("http://fake.test/hospedajes-web/ws/v1/comunicacion") };
        return (new SesClient(new HttpClient(handler), options), handler);
    }

    [Fact]
    public async Task SendingARegisterPostsAPackedSoapRequestWithBasicAuthAndEmptyAction()
    {
        var (client, handler) = Create(HttpStatusCode.OK, Accepted);

        var submission = await client.SendGuestRegisterAsync(Account, SesSamples.Register(SesSamples.Mother, SesSamples.Son));

        Assert.Equal("11111111-2222-3333-4444-555555555555", submission.Lot);
        var request = handler.Request!;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://fake.test/hospedajes-web/ws/v1/comunicacion", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.Equal("B12345678WS:S3cretPass", Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)));
        Assert.Equal("\"\"", Assert.Single(request.Headers.GetValues("SOAPAction")));
        Assert.Equal("text/xml", handler.ContentType!.MediaType);
        Assert.Equal("UTF-8", handler.ContentType.CharSet);
        Assert.NotEqual(0xEF, handler.Body![0]);
        var envelope = XDocument.Load(new MemoryStream(handler.Body));
        Assert.Equal("0000123456", (string?)envelope.Descendants("codigoArrendador").Single());
        Assert.Equal("Kasify", (string?)envelope.Descendants("aplicacion").Single());
        Assert.Equal("PV", (string?)envelope.Descendants("tipoComunicacion").Single());
        var inner = SesPacking.Unpack((string)envelope.Descendants("solicitud").Single());
        Assert.Equal(SesNamespaces.GuestRegister + "peticion", inner.Name);
    }

    [Fact]
    public async Task InvalidRegisterIsNotSent()
    {
        var (client, handler) = Create(HttpStatusCode.OK, Accepted);

        await Assert.ThrowsAsync<SesValidationException>(
            () => client.SendGuestRegisterAsync(Account, SesSamples.Register(SesSamples.Tourist with { Email = null })));
        Assert.Null(handler.Request);
    }

    [Fact]
    public async Task TooLongApplicationNameIsNotSent()
    {
        var handler = new Recorder(HttpStatusCode.OK, Accepted);
        var options = new SesOptions { EndpointUrl = new Uri("http://fake.test/ws"), Application = new string('k', 51) };
        var client = new SesClient(new HttpClient(handler), options);

        var exception = await Assert.ThrowsAsync<SesValidationException>(
            () => client.SendGuestRegisterAsync(Account, SesSamples.Register(SesSamples.Tourist)));

        Assert.Contains(exception.Violations, v => v.Path == "aplicacion" && v.Rule == "length");
        Assert.Null(handler.Request);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "", SesErrorCode.InvalidCredentials)]
    [InlineData(HttpStatusCode.BadGateway, "<html><body>Bad gateway</body></html>", SesErrorCode.Unavailable)]
    [InlineData(HttpStatusCode.OK, "not xml", SesErrorCode.MalformedResponse)]
    public async Task HttpFailuresAreTyped(HttpStatusCode status, string body, SesErrorCode expected)
    {
        var (client, _) = Create(status, body);

        var exception = await Assert.ThrowsAsync<SesException>(() => client.QueryLotsAsync(Account, ["l1"]));

        Assert.Equal(expected, exception.Code);
    }

    [Fact]
    public async Task SoapFaultWithHttp500IsTyped()
    {
        var fault = """
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault>
            <faultcode>SOAP-ENV:Client</faultcode><faultstring>Unmarshalling Error</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>
            """;
        var (client, _) = Create(HttpStatusCode.InternalServerError, fault);

        var exception = await Assert.ThrowsAsync<SesException>(() => client.CancelLotAsync(Account, "l1"));

        Assert.Equal(SesErrorCode.SoapFault, exception.Code);
        Assert.Equal("Unmarshalling Error", exception.MinistryText);
    }

    [Fact]
    public void EnvironmentPicksTheEndpoint()
    {
        Assert.Equal(SesOptions.DefaultTestUrl, new SesOptions().EndpointFor(SesEnvironment.Test));
        Assert.Equal(SesOptions.DefaultProductionUrl, new SesOptions().EndpointFor(SesEnvironment.Production));
        var fake = new Uri("http://127.0.0.1:18083/hospedajes-web/ws/v1/comunicacion");
        Assert.Equal(fake, new SesOptions { EndpointUrl = fake }.EndpointFor(SesEnvironment.Production));
    }

    [Theory]
    [InlineData(SesEnvironment.Test, "http://pre.test/ws")]
    [InlineData(SesEnvironment.Production, "http://prod.test/ws")]
    public async Task EachAccountCallsTheEndpointOfItsEnvironment(SesEnvironment environment, string expected)
    {
        var handler = new Recorder(HttpStatusCode.OK, Accepted);
        var options = new SesOptions { TestUrl = new Uri("http://pre.test/ws"), ProductionUrl = new Uri("http://prod.test/ws") };
        var client = new SesClient(new HttpClient(handler), options);

        await client.SendGuestRegisterAsync(Account with { Environment = environment }, SesSamples.Register(SesSamples.Tourist));

        Assert.Equal(expected, handler.Request!.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task AccountApplicationNameReplacesTheConfiguredOne()
    {
        var (client, handler) = Create(HttpStatusCode.OK, Accepted);

        await client.SendGuestRegisterAsync(Account with { Application = "Casa Azul PMS" }, SesSamples.Register(SesSamples.Tourist));

        var envelope = XDocument.Load(new MemoryStream(handler.Body!));
        Assert.Equal("Casa Azul PMS", (string?)envelope.Descendants("aplicacion").Single());
    }

    private sealed class Recorder(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        public byte[]? Body { get; private set; }

        public System.Net.Http.Headers.MediaTypeHeaderValue? ContentType { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            ContentType = request.Content.Headers.ContentType;
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
        }
    }
}
