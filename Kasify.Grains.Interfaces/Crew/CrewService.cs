namespace Kasify.Grains.Interfaces.Crew;

/// <summary>
/// The service a staff member or contractor provides on a property (wire: <c>cleaning</c>, <c>maintenance</c>,
/// <c>pool</c>, <c>gardening</c>); the same values name task types.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Crew.CrewService")]
public enum CrewService
{
    /// <summary>Turnover cleaning, linen rotation, restocking.</summary>
    Cleaning = 0,

    /// <summary>Repairs and upkeep.</summary>
    Maintenance = 1,

    /// <summary>Pool care.</summary>
    Pool = 2,

    /// <summary>Garden care.</summary>
    Gardening = 3,
}
