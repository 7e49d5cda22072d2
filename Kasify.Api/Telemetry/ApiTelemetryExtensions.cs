using System.Diagnostics;
using Kasify.Hosting.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kasify.Api.Telemetry;

/// <summary>The API host's telemetry: the shared Kasify set plus ASP.NET Core requests.</summary>
internal static class ApiTelemetryExtensions
{
    /// <summary>The service name, unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "kasify-api";

    /// <summary>The OpenTelemetry attribute with the path of an incoming request.</summary>
    public const string UrlPathTag = "url.path";

    /// <summary>
    /// <see cref="KasifyTelemetryExtensions.AddKasifyTelemetry"/> as <see cref="ServiceName"/>, with a span and
    /// metrics for every HTTP request the API serves; nothing when telemetry is off (<see cref="KasifyTelemetryExtensions.IsEnabled"/>).
    /// </summary>
    public static IHostApplicationBuilder AddKasifyApiTelemetry(this IHostApplicationBuilder builder)
    {
        if (!KasifyTelemetryExtensions.IsEnabled(builder.Configuration))
        {
            return builder;
        }

        builder.AddKasifyTelemetry(ServiceName)
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(http => http.EnrichWithHttpResponse = RecordRouteAsPath))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation());
        return builder;
    }

    /// <summary>
    /// Replaces the request's path with its route template (<c>/v1/calendars/{token}.ics</c>), or drops it when no
    /// route matched: capability URLs (calendar exports, invitations, public task links) carry their secret in the
    /// path, and spans leave the host.
    /// </summary>
    internal static void RecordRouteAsPath(Activity activity, HttpResponse response) =>
        activity.SetTag(UrlPathTag, (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
}
