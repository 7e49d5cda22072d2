namespace Kasify.Testing.Migration;

/// <summary>An invitation of the fixture and what became of it.</summary>
public sealed record FixtureInvitation
{
    /// <summary>The name the manifest uses for it.</summary>
    public required string Key { get; init; }

    /// <summary>The invitation id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Its property (a <see cref="FixtureProperty.Key"/>).</summary>
    public required string PropertyKey { get; init; }

    /// <summary>The token that accepts it.</summary>
    public required string Token { get; init; }

    /// <summary>The access level on the wire.</summary>
    public required string AccessLevel { get; init; }

    /// <summary><c>open</c> (uses left, not expired), <c>used_up</c>, <c>revoked</c> or <c>expired</c>.</summary>
    public required string State { get; init; }

    /// <summary>The email it is bound to, if any.</summary>
    public string? Email { get; init; }

    /// <summary>Who accepted it, or (for an open one) who is meant to (a <see cref="FixtureUser.Key"/>).</summary>
    public string? UserKey { get; init; }
}
