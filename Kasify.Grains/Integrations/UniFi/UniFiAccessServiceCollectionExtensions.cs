using System.Security.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Kasify.Grains.Integrations.UniFi;

/// <summary>Registers the UniFi Access client.</summary>
public static class UniFiAccessServiceCollectionExtensions
{
    /// <summary>The configuration section whose values override the resilience defaults (e.g. <c>Retry:MaxRetryAttempts</c>).</summary>
    public const string ResilienceSection = "Kasify:UniFiAccess:Resilience";

    /// <summary>Adds the client with resilience settings from <see cref="ResilienceSection"/> of <paramref name="configuration"/>.</summary>
    public static IHttpClientBuilder AddUniFiAccessClient(this IServiceCollection services, IConfiguration configuration) =>
        services.AddUniFiAccessClient(options => configuration.GetSection(ResilienceSection).Bind(options));

    /// <summary>
    /// Adds <see cref="IUniFiAccessClient"/> as a typed <see cref="HttpClient"/> with the standard resilience pipeline
    /// (total and per-attempt timeouts, retries with exponential backoff on 429, 408, 5xx and transport failures,
    /// a circuit breaker), one pipeline per console authority so a dead console does not open the circuit for others.
    /// POST (create visitor, generate PIN) is never retried, as it is not idempotent; a rejected certificate is not retried.
    /// </summary>
    public static IHttpClientBuilder AddUniFiAccessClient(
        this IServiceCollection services, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        var builder = services
            .AddHttpClient<IUniFiAccessClient, UniFiAccessClient>()
            .ConfigurePrimaryHttpMessageHandler(static () => new UniFiPinnedCertificateHandler());
        builder
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.DisableFor(HttpMethod.Post);
                var transient = options.Retry.ShouldHandle;
                options.Retry.ShouldHandle = args =>
                    args.Outcome.Exception is HttpRequestException { InnerException: AuthenticationException }
                        ? ValueTask.FromResult(false)
                        : transient(args);
                configureResilience?.Invoke(options);
            })
            .SelectPipelineByAuthority();
        return builder;
    }
}
