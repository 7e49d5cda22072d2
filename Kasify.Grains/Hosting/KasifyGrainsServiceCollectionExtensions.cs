using Kasify.Grains.Bookings;
using Kasify.Grains.Outbox;
using Kasify.Grains.Rentals;
using Kasify.Grains.Rentals.CoverImages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasify.Grains.Hosting;

/// <summary>Registers the services Kasify grains depend on.</summary>
public static class KasifyGrainsServiceCollectionExtensions
{
    /// <summary>Adds the clock and the cover image store (already chosen by the silo for its storage mode).</summary>
    public static IServiceCollection AddKasifyGrains(this IServiceCollection services, ICoverImageStore coverImages)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(coverImages);
        services.TryAddSingleton(new DurableDeliveryOptions());
        services.TryAddSingleton(new BookingArchiveOptions());
        services.AddSingleton<PropertyRow>();
        return services;
    }
}
