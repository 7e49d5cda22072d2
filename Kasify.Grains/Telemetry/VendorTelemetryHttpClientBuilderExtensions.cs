using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasify.Grains.Telemetry;

/// <summary>Puts vendor telemetry on a vendor's typed <see cref="HttpClient"/>.</summary>
public static class VendorTelemetryHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds a handler that records every request in <see cref="VendorMetrics"/> with <c>vendor</c> =
    /// <paramref name="vendor"/>. Call it after the resilience handler, so each attempt is measured on its own: a
    /// retried call shows as the failed attempt and the one that followed, not as one slow success.
    /// </summary>
    public static IHttpClientBuilder AddVendorTelemetry(this IHttpClientBuilder builder, string vendor)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<VendorMetrics>();
        return builder.AddHttpMessageHandler(services => new VendorTelemetryHandler(services.GetRequiredService<VendorMetrics>(), vendor));
    }
}
