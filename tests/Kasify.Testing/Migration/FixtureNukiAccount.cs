namespace Kasify.Testing.Migration;

/// <summary>A Nuki Web API account as the vendor fake holds it: seed the fake with it to serve the fixture's locks.</summary>
public sealed record FixtureNukiAccount
{
    /// <summary>The account's API token (stored encrypted in the fixture's integration).</summary>
    public required string Token { get; init; }

    /// <summary>The account's locks.</summary>
    public required IReadOnlyList<FixtureNukiLock> Smartlocks { get; init; }
}
