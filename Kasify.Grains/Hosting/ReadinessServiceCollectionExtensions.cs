using Kasify.Grains.Readiness;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Hosting;

/// <summary>Registers what the arrival readiness grain needs.</summary>
public static class ReadinessServiceCollectionExtensions
{
    /// <summary>Adds the readiness offsets and thresholds (<see cref="ReadinessOptions"/>); invalid offsets fail here, at start.</summary>
    public static IServiceCollection AddReadiness(this IServiceCollection services, ReadinessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ParsedOffsets().IsEmpty)
        {
            throw new FormatException("Kasify:Readiness:Offsets needs at least one duration, e.g. 48h,24h,2h.");
        }

        services.AddSingleton(options);
        return services;
    }
}
