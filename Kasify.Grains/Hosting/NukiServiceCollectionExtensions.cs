using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Kasify.Grains.Hosting;

/// <summary>Registers <see cref="INukiClient"/>, the typed Nuki Web API client with its resilience pipeline.</summary>
public static class NukiServiceCollectionExtensions
{
    /// <summary>Adds the client with the settings of the <c>Kasify:Nuki</c> section (see <see cref="NukiOptions"/>).</summary>
    public static IServiceCollection AddNukiClient(this IServiceCollection services, IConfiguration configuration) =>
        services.AddNukiClient(NukiOptions.FromConfiguration(configuration));

    /// <summary>
    /// Adds the client with <paramref name="options"/>: each attempt times out after <see cref="NukiOptions.AttemptTimeout"/>,
    /// 429, 5xx, timeouts and connection failures are retried <see cref="NukiOptions.MaxRetries"/> times with exponential
    /// backoff and jitter (honouring <c>Retry-After</c>), a circuit breaker stops calling a failing vendor for a while,
    /// and the whole call is bounded by <see cref="NukiOptions.TotalTimeout"/>. Each attempt is recorded in
    /// <see cref="VendorMetrics"/> as <see cref="VendorNames.Nuki"/>.
    /// </summary>
    public static IServiceCollection AddNukiClient(this IServiceCollection services, NukiOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        var client = services.AddHttpClient<INukiClient, NukiClient>(http =>
        {
            http.BaseAddress = baseUrl;
            // The resilience pipeline's total timeout bounds each call.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddStandardResilienceHandler(resilience =>
        {
            resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
            resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
            resilience.Retry.MaxRetryAttempts = options.MaxRetries;
            resilience.Retry.Delay = options.RetryBaseDelay;
            resilience.Retry.BackoffType = DelayBackoffType.Exponential;
            resilience.Retry.UseJitter = true;
            resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > TimeSpan.FromSeconds(30)
                ? options.AttemptTimeout * 2
                : TimeSpan.FromSeconds(30);
        });
        client.AddVendorTelemetry(VendorNames.Nuki);
        return services;
    }
}
