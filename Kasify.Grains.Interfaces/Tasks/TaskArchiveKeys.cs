using System.Globalization;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>Reaches the yearly archive of a property's finished tasks.</summary>
public static class TaskArchiveKeys
{
    /// <summary>The archive of <paramref name="propertyId"/>'s finished tasks whose window ended in <paramref name="year"/> (UTC).</summary>
    public static ITaskArchiveGrain For(IGrainFactory grains, Guid propertyId, int year)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<ITaskArchiveGrain>(propertyId, year.ToString(CultureInfo.InvariantCulture), null);
    }
}
