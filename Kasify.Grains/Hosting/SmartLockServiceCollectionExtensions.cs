using Kasify.Grains.SmartLocks;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Hosting;

/// <summary>Registers what the smart lock and integration grains need besides the vendor clients.</summary>
public static class SmartLockServiceCollectionExtensions
{
    /// <summary>Adds the lock timings (<see cref="SmartLockOptions"/>).</summary>
    public static IServiceCollection AddSmartLocks(this IServiceCollection services, SmartLockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        return services;
    }
}
