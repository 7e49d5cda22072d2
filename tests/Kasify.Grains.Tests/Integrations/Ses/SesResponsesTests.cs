using System.Xml.Linq;
using Kasify.Grains.Integrations.Ses;

namespace Kasify.Grains.Tests.Integrations.Ses;

/// <summary>Answers written from the reference's description, in both spellings the service is known to use.</summary>
public sealed class SesResponsesTests
{
    private const string Open =
        """<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Header/><SOAP-ENV:Body>""";

    private const string Close = "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    private const string Ns3 = """xmlns:ns3="http://www.soap.servicios.hospedajes.mir.es/comunicacion" """;

    private static XDocument Soap(string body) => XDocument.Parse(Open + body + Close);

    [Fact]
    public void AcceptedCreateReturnsTheLot()
    {
        var response = Soap($"""
            <ns3:comunicacionResponse {Ns3}><respuesta><codigo>0</codigo><descripcion>Ok</descripcion>
            <lote>5b0c6f7e-1a2b-4c3d-9e8f-0a1b2c3d4e5f</lote></respuesta></ns3:comunicacionResponse>
            """);

        var submission = SesResponses.Communication(response);

        Assert.Equal("5b0c6f7e-1a2b-4c3d-9e8f-0a1b2c3d4e5f", submission.Lot);
        Assert.Equal("Ok", submission.Description);
        Assert.Empty(submission.Lots);
    }

    [Theory]
    [InlineData("codigo", 10103, SesErrorCode.UnknownArrendador)]
    [InlineData("codigoRetorno", 10150, SesErrorCode.ApplicationTooLong)]
    [InlineData("codigo", 109, SesErrorCode.SolicitudEncoding)]
    [InlineData("codigo", 10111, SesErrorCode.SolicitudEncoding)]
    [InlineData("codigo", 10999, SesErrorCode.Unhandled)]
    [InlineData("codigo", 12345, SesErrorCode.Unknown)]
    public void RejectedHeaderThrowsTheTypedError(string codeElement, int code, SesErrorCode expected)
    {
        var response = Soap($"""
            <ns3:comunicacionResponse {Ns3}><respuesta><{codeElement}>{code}</{codeElement}>
            <descripcion>Texto del Ministerio</descripcion></respuesta></ns3:comunicacionResponse>
            """);

        var exception = Assert.Throws<SesException>(() => SesResponses.Communication(response));

        Assert.Equal(expected, exception.Code);
        Assert.Equal(code, exception.MinistryCode);
        Assert.Equal("Texto del Ministerio", exception.MinistryText);
    }

    [Fact]
    public void EveryReferenceErrorCodeMapsToItsOwnValue()
    {
        int[] codes =
        [
            10100, 10101, 10103, 10107, 10108, 10109, 10110, 10111, 10112, 10113, 10116, 10117, 10118, 10119, 10120, 10121,
            10122, 10128, 10130, 10131, 10136, 10140, 10150, 10159, 10160, 10180, 10999,
        ];

        Assert.All(codes, code => Assert.Equal(code, (int)SesException.CodeOf(code)));
        Assert.Equal(SesErrorCode.Ok, SesException.CodeOf(0));
    }

    [Theory]
    [InlineData("resultadoComunicacion", "tipoComunicacion")]
    [InlineData("resutadoComunicacion", "tipoComuniacion")]
    public void PartialLotIsParsedInEitherSpelling(string resultElement, string typeElement)
    {
        var response = Soap($"""
            <ns3:consultaLoteResponse {Ns3}>
             <respuesta><codigo>0</codigo><descripcion>Ok</descripcion></respuesta>
             <resultado><lote>5b0c6f7e-1a2b-4c3d-9e8f-0a1b2c3d4e5f</lote><{typeElement}>PV</{typeElement}>
              <tipoOperacion>A</tipoOperacion><fechaPeticion>2025-07-14T18:02:11.000+02:00</fechaPeticion>
              <fechaProcesamiento>2025-07-14T18:02:40.000+02:00</fechaProcesamiento><codigoEstado>6</codigoEstado>
              <descEstado>Lote tramitado con errores en algunas comunicaciones</descEstado>
              <identificadorUsuario>B12345678</identificadorUsuario><nombreUsuario>Acme SL</nombreUsuario>
              <codigoArrendador>0000123456</codigoArrendador><aplicacion>Kasify</aplicacion>
              <resultadoComunicaciones>
               <{resultElement}><orden>1</orden><codigoComunicacion>9d2e0c1a-0000-4000-8000-000000000001</codigoComunicacion></{resultElement}>
               <{resultElement}><orden>2</orden><tipoError>Error validación de datos</tipoError>
                <error>Error de validación en la comunicación [2]: [Código de municipio obligatorio si el país es España]</error></{resultElement}>
              </resultadoComunicaciones></resultado>
            </ns3:consultaLoteResponse>
            """);

        var lot = Assert.Single(SesResponses.LotQuery(response));

        Assert.Equal(SesLotState.PartiallyProcessed, lot.State);
        Assert.Equal("PV", lot.CommunicationType);
        Assert.Equal("A", lot.Operation);
        Assert.Equal(new DateTimeOffset(2025, 7, 14, 18, 2, 40, TimeSpan.FromHours(2)), lot.ProcessedAt);
        Assert.Equal(2, lot.Communications.Count);
        Assert.True(lot.Communications[0].Succeeded);
        Assert.Equal("9d2e0c1a-0000-4000-8000-000000000001", lot.Communications[0].CommunicationCode);
        Assert.False(lot.Communications[1].Succeeded);
        Assert.Equal(2, lot.Communications[1].Order);
        Assert.Equal("Error validación de datos", lot.Communications[1].ErrorType);
        Assert.Contains("Código de municipio", lot.Communications[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryThroughComunicacionCarriesResultsWithoutALot()
    {
        var response = Soap($"""
            <ns3:comunicacionResponse {Ns3}><respuesta><codigoRetorno>0</codigoRetorno><descripcion>Ok</descripcion></respuesta>
            <resultado><lote>l1</lote><tipoComunicacion>RH</tipoComunicacion><tipoOperacion>A</tipoOperacion>
            <codigoEstado>1</codigoEstado><resultadoComunicaciones><resultadoComunicacion><orden>1</orden><anulada>true</anulada>
            <codigoComunicacion>c1</codigoComunicacion></resultadoComunicacion></resultadoComunicaciones></resultado>
            </ns3:comunicacionResponse>
            """);

        var submission = SesResponses.Communication(response);

        Assert.Null(submission.Lot);
        var lot = Assert.Single(submission.Lots);
        Assert.Equal(SesLotState.Processed, lot.State);
        Assert.True(Assert.Single(lot.Communications).Cancelled);
    }

    [Fact]
    public void UnknownLotsAreSilentlyMissing()
    {
        var response = Soap($"""<ns3:consultaLoteResponse {Ns3}><respuesta><codigo>0</codigo><descripcion>Ok</descripcion></respuesta></ns3:consultaLoteResponse>""");

        Assert.Empty(SesResponses.LotQuery(response));
    }

    [Fact]
    public void PendingLotHasNoResults()
    {
        var response = Soap($"""
            <ns3:consultaLoteResponse {Ns3}><respuesta><codigo>0</codigo><descripcion>Ok</descripcion></respuesta>
            <resultado><lote>l1</lote><tipoComunicacion>RH</tipoComunicacion><tipoOperacion>A</tipoOperacion>
            <fechaPeticion>2025-07-14T18:02:11.000+02:00</fechaPeticion><codigoEstado>5</codigoEstado>
            <descEstado>Pendiente</descEstado></resultado></ns3:consultaLoteResponse>
            """);

        var lot = Assert.Single(SesResponses.LotQuery(response));

        Assert.Equal(SesLotState.Pending, lot.State);
        Assert.Null(lot.ProcessedAt);
        Assert.Empty(lot.Communications);
    }

    [Fact]
    public void LotCancellationAndCatalogAreParsed()
    {
        var cancel = Soap($"""<ns3:anulacionLoteResponse {Ns3}><codigo>0</codigo><descripcion>Ok</descripcion></ns3:anulacionLoteResponse>""");
        var catalog = Soap($"""
            <ns3:catalogoResponse {Ns3}><resultado><codigo>0</codigo><descripcion>Ok</descripcion></resultado>
            <respuesta><resultado><tupla><codigo>NIF</codigo><descripcion>NIF</descripcion></tupla>
            <tupla><codigo>PAS</codigo><descripcion>Pasaporte</descripcion></tupla></resultado></respuesta></ns3:catalogoResponse>
            """);

        Assert.Equal("Ok", SesResponses.LotCancellation(cancel));
        Assert.Equal([new SesCatalogEntry("NIF", "NIF"), new SesCatalogEntry("PAS", "Pasaporte")], SesResponses.Catalog(catalog));
    }

    [Fact]
    public void FaultAndUnexpectedWrapperAreTyped()
    {
        var fault = Soap("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Unmarshalling Error</faultstring></SOAP-ENV:Fault>");
        var wrong = Soap($"""<ns3:catalogoResponse {Ns3}/>""");

        Assert.Equal(SesErrorCode.SoapFault, Assert.Throws<SesException>(() => SesResponses.Communication(fault)).Code);
        Assert.Equal(SesErrorCode.MalformedResponse, Assert.Throws<SesException>(() => SesResponses.Communication(wrong)).Code);
    }
}
