using System.Net;
using System.Text;
using Kasify.Grains.Integrations.UniFi;

namespace Kasify.Grains.Tests.Integrations.UniFi;

/// <summary>Every documented envelope code and HTTP status maps to a typed error; non-envelope answers too.</summary>
public sealed class UniFiAccessErrorsTests
{
    [Theory]
    [InlineData("CODE_AUTH_FAILED", 401, UniFiAccessError.InvalidCredentials)]
    [InlineData("CODE_ACCESS_TOKEN_INVALID", 200, UniFiAccessError.InvalidCredentials)]
    [InlineData("CODE_UNAUTHORIZED", 403, UniFiAccessError.PermissionDenied)]
    [InlineData("CODE_OPERATION_FORBIDDEN", 200, UniFiAccessError.PermissionDenied)]
    [InlineData("CODE_CREDS_PIN_CODE_CREDS_ALREADY_EXIST", 200, UniFiAccessError.PinConflict)]
    [InlineData("CODE_CREDS_PIN_CODE_CREDS_LENGTH_INVALID", 400, UniFiAccessError.PinLengthInvalid)]
    [InlineData("CODE_RESOURCE_NOT_FOUND", 200, UniFiAccessError.NotFound)]
    [InlineData("CODE_NOT_EXISTS", 404, UniFiAccessError.NotFound)]
    [InlineData("CODE_DEVICE_DEVICE_NOT_FOUND", 200, UniFiAccessError.DeviceUnavailable)]
    [InlineData("CODE_DEVICE_DEVICE_OFFLINE", 200, UniFiAccessError.DeviceUnavailable)]
    [InlineData("CODE_DEVICE_DEVICE_BUSY", 402, UniFiAccessError.DeviceUnavailable)]
    [InlineData("CODE_SPACE_DEVICE_BOUND_LOCATION_NOT_FOUND", 200, UniFiAccessError.DeviceUnavailable)]
    [InlineData("CODE_DEVICE_API_NOT_SUPPORTED", 200, UniFiAccessError.NotSupported)]
    [InlineData("CODE_OTHERS_UID_ADOPTED_NOT_SUPPORTED", 200, UniFiAccessError.NotSupported)]
    [InlineData("CODE_PARAMS_INVALID", 400, UniFiAccessError.InvalidRequest)]
    [InlineData("CODE_SYSTEM_ERROR", 500, UniFiAccessError.ServerError)]
    [InlineData("CODE_SYSTEM_ERROR", 429, UniFiAccessError.RateLimited)]
    [InlineData("CODE_SOMETHING_NEW", 200, UniFiAccessError.ServerError)]
    [InlineData(null, 401, UniFiAccessError.InvalidCredentials)]
    [InlineData(null, 403, UniFiAccessError.PermissionDenied)]
    [InlineData(null, 404, UniFiAccessError.NotFound)]
    [InlineData(null, 400, UniFiAccessError.InvalidRequest)]
    [InlineData(null, 402, UniFiAccessError.InvalidRequest)]
    [InlineData(null, 429, UniFiAccessError.RateLimited)]
    [InlineData(null, 502, UniFiAccessError.ServerError)]
    [InlineData(null, 503, UniFiAccessError.ServerError)]
    public void EnvelopeCodesAndStatusesMapToTypedErrors(string? code, int status, UniFiAccessError expected)
    {
        Assert.Equal(expected, UniFiAccessErrors.From(code, (HttpStatusCode)status));
    }

    [Theory]
    [InlineData(200, "<html>login</html>", UniFiAccessError.UnexpectedResponse)]
    [InlineData(200, "{\"data\":[]}", UniFiAccessError.UnexpectedResponse)]
    [InlineData(502, "<html>Bad Gateway</html>", UniFiAccessError.ServerError)]
    [InlineData(401, "", UniFiAccessError.InvalidCredentials)]
    public async Task AnswersWithoutTheEnvelopeAreMappedByStatus(int status, string body, UniFiAccessError expected)
    {
        var client = new UniFiAccessClient(new HttpClient(new FixedAnswer((HttpStatusCode)status, body)));

        var error = await Assert.ThrowsAsync<UniFiAccessException>(
            () => client.ListDoorsAsync(new UniFiAccessConnection(new Uri("https://console.test:12445"), "token", null)));

        Assert.Equal(expected, error.Error);
    }

    [Fact]
    public async Task AMissingDataKeyIsAcceptedOnSuccess()
    {
        var client = new UniFiAccessClient(new HttpClient(new FixedAnswer(HttpStatusCode.OK, "{\"code\":\"SUCCESS\",\"msg\":\"success\"}")));

        await client.DeleteVisitorPinAsync(new UniFiAccessConnection(new Uri("https://console.test:12445"), "token", null), "visitor-1");
    }

    private sealed class FixedAnswer(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
