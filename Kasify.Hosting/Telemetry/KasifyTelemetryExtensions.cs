using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace Kasify.Hosting.Telemetry;

/// <summary>OpenTelemetry for the Kasify hosts (API and silo): one set of traces and metrics, exported over OTLP.</summary>
public static class KasifyTelemetryExtensions
{
    /// <summary>The standard variable that turns the OTLP export on (e.g. <c>http://collector:4317</c>).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard variable that overrides the service name the host passes.</summary>
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <summary>The meter Orleans records its runtime metrics on.</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>Kasify's own meters and activity sources: <c>Kasify.Vendors</c>, <c>Kasify.Locks</c>, ….</summary>
    public const string KasifyInstrumentationNames = "Kasify.*";

    /// <summary>
    /// Adds traces (outgoing HTTP calls, Orleans grain calls, activations and storage, Kasify's own sources) and
    /// metrics (HttpClient, Orleans, every <c>Kasify.*</c> meter) for a service named <paramref name="serviceName"/>
    /// unless <c>OTEL_SERVICE_NAME</c> is set. Both go out over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
    /// (the exporter reads the other <c>OTEL_EXPORTER_OTLP_*</c> settings itself); without it nothing is exported.
    /// Grain calls join the caller's trace only on hosts whose Orleans builder calls <c>AddActivityPropagation()</c>.
    /// Spans keep no secrets from URLs (<see cref="OutgoingUrls"/>) or string grain keys (<see cref="GrainKeyRedactionProcessor"/>).
    /// The returned builder takes host-specific instrumentation (ASP.NET Core in the API).
    /// </summary>
    public static IOpenTelemetryBuilder AddKasifyTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var configuration = builder.Configuration;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName(configuration, serviceName)))
            .WithTracing(tracing => tracing
                // Not ActivitySources.RuntimeActivitySourceName: its spans are the cluster's own system calls (membership
                // probes, directory), many per second, each a trace of its own with no request behind it.
                .AddSource(
                    ActivitySources.ApplicationGrainActivitySourceName,
                    ActivitySources.LifecycleActivitySourceName,
                    ActivitySources.StorageActivitySourceName,
                    KasifyInstrumentationNames)
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = OutgoingUrls.RecordAuthorityOnly)
                // Before any exporter: processors see a span in the order they were added.
                .AddProcessor(new GrainKeyRedactionProcessor()))
            .WithMetrics(metrics => metrics
                .AddHttpClientInstrumentation()
                .AddMeter(OrleansMeterName, KasifyInstrumentationNames));

        if (IsOtlpExportEnabled(configuration))
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter());
            telemetry.WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        return telemetry;
    }

    /// <summary>Turns telemetry on without an OTLP endpoint (for an exporter added in code, as the tests do).</summary>
    public const string EnabledSetting = "Kasify:Telemetry:Enabled";

    /// <summary>
    /// Whether a host collects telemetry at all: only when something takes it (an OTLP endpoint, or
    /// <see cref="EnabledSetting"/>). Without a listener no span is created, so grain calls and vendor calls cost nothing
    /// extra on hosts that export nowhere.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return IsOtlpExportEnabled(configuration) || configuration.GetValue<bool>(EnabledSetting);
    }

    /// <summary>Whether <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (hosts read environment variables into configuration).</summary>
    public static bool IsOtlpExportEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
    }

    // The SDK reads OTEL_SERVICE_NAME too, but a name set in code wins over it; reading it here keeps the variable in charge.
    private static string ServiceName(IConfiguration configuration, string serviceName) =>
        configuration[ServiceNameVariable] is { } configured && !string.IsNullOrWhiteSpace(configured) ? configured : serviceName;
}
