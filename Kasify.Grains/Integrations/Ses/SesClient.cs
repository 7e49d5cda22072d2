using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// The typed HttpClient behind <see cref="ISesClient"/>. Each account calls the endpoint of its own environment
/// (<see cref="SesOptions.EndpointFor"/>), so requests carry an absolute URI rather than relying on one base address.
/// </summary>
public sealed class SesClient(HttpClient http, SesOptions options) : ISesClient
{
    private const int MaxLoggedBody = 500;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc/>
    public Task<SesSubmission> SendGuestRegisterAsync(SesAccount account, SesGuestRegister register, CancellationToken cancellationToken = default) =>
        CommunicateAsync(account, SesOperation.Create, SesCommunicationType.GuestRegister, SesPayloads.GuestRegister(register), cancellationToken);

    /// <inheritdoc/>
    public Task<SesSubmission> SendBookingReportAsync(SesAccount account, SesBookingReport report, CancellationToken cancellationToken = default) =>
        CommunicateAsync(account, SesOperation.Create, SesCommunicationType.BookingReport, SesPayloads.BookingReport(report), cancellationToken);

    /// <inheritdoc/>
    public Task<SesSubmission> CancelCommunicationsAsync(SesAccount account, IReadOnlyList<string> communicationCodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(communicationCodes);
        ArgumentOutOfRangeException.ThrowIfZero(communicationCodes.Count);
        return CommunicateAsync(account, SesOperation.Cancel, null, SesPayloads.Cancellation(communicationCodes), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SesLot>> QueryLotsAsync(SesAccount account, IReadOnlyList<string> lots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentOutOfRangeException.ThrowIfZero(lots.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lots.Count, SesLimits.MaxLotsPerQuery);
        return SesResponses.LotQuery(await PostAsync(account, SesEnvelopes.LotQuery(lots), cancellationToken));
    }

    /// <inheritdoc/>
    public async Task CancelLotAsync(SesAccount account, string lot, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lot);
        SesResponses.LotCancellation(await PostAsync(account, SesEnvelopes.LotCancellation(lot), cancellationToken));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SesCatalogEntry>> GetCatalogAsync(SesAccount account, string table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return SesResponses.Catalog(await PostAsync(account, SesEnvelopes.Catalog(table), cancellationToken));
    }

    private async Task<SesSubmission> CommunicateAsync(
        SesAccount account, string operation, string? communicationType, XElement payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var application = account.Application ?? options.Application;
        SesValidator.ValidateHeader(account.ArrendadorCode, application);
        var envelope = SesEnvelopes.Communication(account.ArrendadorCode, application, operation, communicationType, SesPacking.Pack(payload));
        return SesResponses.Communication(await PostAsync(account, envelope, cancellationToken));
    }

    private async Task<XDocument> PostAsync(SesAccount account, XDocument envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.EndpointFor(account.Environment));
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.Username}:{account.Password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);

        // The WSDL declares an empty action for every operation, sent as a quoted empty string.
        request.Headers.TryAddWithoutValidation("SOAPAction", "\"\"");
        request.Content = new ByteArrayContent(Serialize(envelope));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "UTF-8" };

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SesException(SesErrorCode.Unavailable, "SES.HOSPEDAJES is unreachable.", innerException: e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new SesException(SesErrorCode.InvalidCredentials, "SES.HOSPEDAJES rejected the web-service credentials.", statusCode: response.StatusCode);
            }

            var document = TryParse(body);

            // A SOAP Fault comes with HTTP 500; let the parser type it. Other failures (proxies answer 502 with HTML) are outages.
            if (!response.IsSuccessStatusCode && document?.Root?.Name != SesNamespaces.SoapEnvelope + "Envelope")
            {
                throw new SesException(
                    (int)response.StatusCode >= 500 ? SesErrorCode.Unavailable : SesErrorCode.MalformedResponse,
                    $"SES.HOSPEDAJES answered HTTP {(int)response.StatusCode}: {Truncate(body)}",
                    statusCode: response.StatusCode);
            }

            return document ?? throw new SesException(SesErrorCode.MalformedResponse, $"SES.HOSPEDAJES answered non-XML: {Truncate(body)}", statusCode: response.StatusCode);
        }
    }

    private static byte[] Serialize(XDocument envelope)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = Utf8NoBom, Indent = false }))
        {
            envelope.WriteTo(writer);
        }

        return output.ToArray();
    }

    private static XDocument? TryParse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : XDocument.Parse(body);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string Truncate(string text) => text.Length > MaxLoggedBody ? text[..MaxLoggedBody] : text;
}
