namespace Kasify.Testing.Migration;

/// <summary>A personal access token of one user.</summary>
public sealed record FixturePersonalAccessToken
{
    /// <summary>The token's owner (a <see cref="FixtureUser.Key"/>).</summary>
    public required string UserKey { get; init; }

    /// <summary>The token's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The raw token (<c>kas_pat_…</c>).</summary>
    public required string Token { get; init; }
}
