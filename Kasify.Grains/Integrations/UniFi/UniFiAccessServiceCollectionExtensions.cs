using Kasify.Grains.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// Adds <see cref="IUniFiAccessClient"/> as a typed <see cref="HttpClient"/> under the outbound policy (the
    /// registered <see cref="OutboundOptions"/>, strict defaults without one: console URLs are user-chosen), answers
    /// capped at <see cref="OutboundOptions.MaxResponseBytes"/>, with the standard resilience pipeline (total and
    /// per-attempt timeouts, retries with exponential backoff on 429, 408, 5xx and transport failures, a circuit
    /// breaker), one pipeline per bucket of console authorities (<see cref="PipelineBuckets"/>), so a dead console
    /// opens the circuit only for the few consoles that share its bucket, and user-chosen URLs cannot grow the set of
    /// pipelines without bound.
    /// POST (create visitor, generate PIN) is never retried, as it is not idempotent.
    /// </summary>
    public static IHttpClientBuilder AddUniFiAccessClient(
        this IServiceCollection services, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        services.TryAddSingleton(new OutboundOptions());
        services.TryAddSingleton<OutboundHandlerFactory>();
        var builder = services
            .AddHttpClient<IUniFiAccessClient, UniFiAccessClient>()
            .ConfigureHttpClient((provider, http) => http.MaxResponseContentBufferSize = provider.GetRequiredService<OutboundOptions>().MaxResponseBytes)
            .ConfigurePrimaryHttpMessageHandler(static provider => new UniFiPinnedCertificateHandler(
                provider.GetRequiredService<OutboundHandlerFactory>(), provider.GetService<TimeProvider>() ?? TimeProvider.System))

            // The pinned handler pools and renews its own connections; one instance keeps its bound for the whole silo.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // A rejected certificate, a refused address and a failed lookup are retried like a refused connection: until
        // the pin has matched every failure looks the same, in its timing too, so the console URL cannot map the network.
        builder
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.DisableFor(HttpMethod.Post);
                configureResilience?.Invoke(options);
            })
            .SelectPipelineBy(static _ => request => PipelineKey(request.RequestUri));
        return builder;
    }

    /// <summary>How many resilience pipelines the client keeps at most.</summary>
    public const int PipelineBuckets = 256;

    /// <summary>The pipeline of a console: its authority hashed into one of <see cref="PipelineBuckets"/> buckets.</summary>
    internal static string PipelineKey(Uri? uri)
    {
        // Pipelines live in this process only, so the per-process string hash is stable enough.
        var hash = (uint)StringComparer.OrdinalIgnoreCase.GetHashCode(uri?.Authority ?? "");
        return "console-" + (hash % PipelineBuckets).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
