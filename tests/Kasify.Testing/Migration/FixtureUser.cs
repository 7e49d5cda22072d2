namespace Kasify.Testing.Migration;

/// <summary>A caller: mint a JWT with the manifest's issuer, this subject and these claims to act as it.</summary>
public sealed record FixtureUser
{
    /// <summary>The name the manifest uses for this caller (<c>ana</c>, <c>bruno</c>, …).</summary>
    public required string Key { get; init; }

    /// <summary>The JWT subject.</summary>
    public required string Subject { get; init; }

    /// <summary>The JWT's <c>email</c> claim, sent with <c>email_verified: true</c>.</summary>
    public required string Email { get; init; }

    /// <summary>Given name.</summary>
    public required string FirstName { get; init; }

    /// <summary>Family name.</summary>
    public required string LastName { get; init; }

    /// <summary>The Kasify user id, or null for a caller who had not registered when the fixture was made.</summary>
    public Guid? UserId { get; init; }
}
