namespace Kasify.Testing.Migration;

/// <summary>One lock of the fixture's Nuki account, as seeded in the vendor fake.</summary>
public sealed record FixtureNukiLock
{
    /// <summary>Nuki's smartlock id.</summary>
    public required long SmartlockId { get; init; }

    /// <summary>The name at the vendor.</summary>
    public required string Name { get; init; }

    /// <summary>Battery charge in percent.</summary>
    public required int BatteryCharge { get; init; }
}
