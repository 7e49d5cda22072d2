using Kasify.Grains.Integrations;
using Kasify.Grains.SmartLocks;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Hosting;

/// <summary>Registers what the smart lock and integration grains need besides the vendor clients.</summary>
public static class SmartLockServiceCollectionExtensions
{
    /// <summary>Adds the lock timings (<see cref="SmartLockOptions"/>), the integration vendors and the lock drivers; the vendor clients are added separately.</summary>
    public static IServiceCollection AddSmartLocks(this IServiceCollection services, SmartLockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddTransient<IIntegrationVendor, NukiIntegrationVendor>();
        services.AddTransient<IIntegrationVendor, UniFiIntegrationVendor>();
        services.AddTransient<IIntegrationVendor, SesIntegrationVendor>();
        services.AddTransient<ILockDriver, NukiLockDriver>();
        services.AddTransient<ILockDriver, UniFiLockDriver>();
        return services;
    }
}
