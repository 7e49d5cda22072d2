using System.Diagnostics;
using Kasify.Api.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Kasify.Api.Tests.Telemetry;

public sealed class ApiTelemetryTests
{
    [Fact]
    public void ARequestNoRouteMatchedKeepsNoPathInItsSpan()
    {
        using var span = new Activity("request");
        span.SetTag(ApiTelemetryExtensions.UrlPathTag, "/v1/calendars/secret-export-token.ics");
        var context = new DefaultHttpContext();

        ApiTelemetryExtensions.RecordRouteAsPath(span, context.Response);

        Assert.Null(span.GetTagItem(ApiTelemetryExtensions.UrlPathTag));
    }
}
