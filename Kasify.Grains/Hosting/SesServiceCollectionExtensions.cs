using Kasify.Grains.Integrations.Ses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Kasify.Grains.Hosting;

/// <summary>Registers <see cref="ISesClient"/>, the typed SES.HOSPEDAJES client with its resilience pipeline.</summary>
public static class SesServiceCollectionExtensions
{
    /// <summary>Adds the client with the settings of the <c>Kasify:Ses</c> section (see <see cref="SesOptions"/>).</summary>
    public static IServiceCollection AddSesClient(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSesClient(SesOptions.FromConfiguration(configuration));

    /// <summary>
    /// Adds the client with <paramref name="options"/>: attempt and total timeouts and a circuit breaker, but no
    /// retries, because every operation is a POST and a retried create can queue a second lot; after a timeout the
    /// caller queries the lot before resending.
    /// </summary>
    public static IServiceCollection AddSesClient(this IServiceCollection services, SesOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddHttpClient<ISesClient, SesClient>(http =>
        {
            http.BaseAddress = options.Endpoint;
            // The resilience pipeline's total timeout bounds each call.
            http.Timeout = Timeout.InfiniteTimeSpan;
        })
        .AddStandardResilienceHandler(resilience =>
        {
            resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
            resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
            resilience.Retry.DisableForUnsafeHttpMethods();
            resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > TimeSpan.FromSeconds(30)
                ? options.AttemptTimeout * 2
                : TimeSpan.FromSeconds(30);
        });
        return services;
    }
}
