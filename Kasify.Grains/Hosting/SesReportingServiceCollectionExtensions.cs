using Kasify.Grains.SesReporting;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Hosting;

/// <summary>Registers what the booking SES grains need besides the SES client: their timings.</summary>
public static class SesReportingServiceCollectionExtensions
{
    /// <summary>Adds <paramref name="options"/> (section <c>Kasify:SesReporting</c>).</summary>
    public static IServiceCollection AddSesReporting(this IServiceCollection services, SesReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        return services;
    }
}
