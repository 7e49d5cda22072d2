using Kasify.Grains.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasify.Grains.Hosting;

/// <summary>Registers the policy for calls to user-chosen URLs.</summary>
public static class OutboundServiceCollectionExtensions
{
    /// <summary>
    /// Makes <paramref name="options"/> the policy of every client for user-chosen URLs (the UniFi Access client's
    /// among them), in place of the strict defaults those clients fall back to, whichever is registered first.
    /// </summary>
    public static IServiceCollection AddOutboundPolicy(this IServiceCollection services, OutboundOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.RemoveAll<OutboundOptions>();
        services.AddSingleton(options);
        services.TryAddSingleton<OutboundHandlerFactory>();
        return services;
    }
}
