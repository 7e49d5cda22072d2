using Kasify.Grains.Channels;
using Kasify.Grains.Outbound;
using Kasify.Grains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasify.Grains.Hosting;

/// <summary>Registers the client that fetches channels' iCal feeds.</summary>
public static class ChannelFeedServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ChannelFeedOptions"/> from the <c>Kasify:Channels</c> section of <paramref name="configuration"/>
    /// and the feed client as a typed <see cref="HttpClient"/> under the outbound policy (the registered
    /// <see cref="OutboundOptions"/>, strict defaults without one: feed URLs are user-chosen), each fetch recorded in
    /// <see cref="VendorMetrics"/> as <see cref="VendorNames.Channel"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public static IServiceCollection AddChannelFeedClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ChannelFeedOptions();
        configuration.GetSection(ChannelFeedOptions.SectionName).Bind(options);
        return services.AddChannelFeedClient(options);
    }

    /// <summary>As above, with options bound by the caller (the silo binds every <c>Kasify</c> setting at once).</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public static IServiceCollection AddChannelFeedClient(this IServiceCollection services, ChannelFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new OutboundOptions());
        services.TryAddSingleton<OutboundHandlerFactory>();
        services
            // The client bounds each fetch with FetchTimeout, reading the body included, which HttpClient.Timeout does not cover.
            .AddHttpClient<IChannelFeedClient, ChannelFeedClient>(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static provider => provider.GetRequiredService<OutboundHandlerFactory>().Create(httpsOnly: false))

            // The handler renews its own connections (PooledConnectionLifetime), so one instance serves the whole silo.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)

            // Feed URLs carry the channels' secret tokens: no request URI goes to the logs.
            .RemoveAllLoggers()
            .AddVendorTelemetry(VendorNames.Channel);
        return services;
    }

    private static void Validate(ChannelFeedOptions options)
    {
        if (options.SyncPeriod <= TimeSpan.Zero || options.FetchTimeout <= TimeSpan.Zero || options.MaxFeedBytes <= 0
            || options.MaxRedirects < 0 || string.IsNullOrWhiteSpace(options.UserAgent))
        {
            throw new InvalidOperationException(
                $"{ChannelFeedOptions.SectionName}: SyncPeriod, FetchTimeout and MaxFeedBytes must be positive, MaxRedirects not negative, and UserAgent set.");
        }
    }
}
