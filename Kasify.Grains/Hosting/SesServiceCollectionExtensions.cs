using System.Net.Security;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Telemetry;
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
    /// caller queries the lot before resending. With <see cref="SesOptions.TrustedCertificatePaths"/>, the Ministry's
    /// certificate is checked against those certificates (only for this client); without, by the system. Each attempt
    /// is recorded in <see cref="VendorMetrics"/> as <see cref="VendorNames.Ses"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A trusted certificate file is missing or unreadable.</exception>
    public static IServiceCollection AddSesClient(this IServiceCollection services, SesOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        // Read at registration, so a wrong path stops the silo at start rather than at the first guest register.
        var trust = options.TrustedCertificatePaths.Count > 0 ? SesCertificateTrust.FromFiles(options.TrustedCertificatePaths) : null;
        services.AddSingleton(options);
        var client = services.AddHttpClient<ISesClient, SesClient>(http =>
        {
            // Requests name their environment's endpoint; the resilience pipeline's total timeout bounds each call.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        if (trust is not null)
        {
            client.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = trust.Validate },
            });
        }

        client.AddStandardResilienceHandler(resilience =>
        {
            resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
            resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
            resilience.Retry.DisableForUnsafeHttpMethods();
            resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > TimeSpan.FromSeconds(30)
                ? options.AttemptTimeout * 2
                : TimeSpan.FromSeconds(30);
        });
        client.AddVendorTelemetry(VendorNames.Ses);
        return services;
    }
}
