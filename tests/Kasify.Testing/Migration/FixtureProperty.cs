namespace Kasify.Testing.Migration;

/// <summary>A property of the fixture.</summary>
public sealed record FixtureProperty
{
    /// <summary>The name the manifest uses for it.</summary>
    public required string Key { get; init; }

    /// <summary>The property id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The property's name.</summary>
    public required string Name { get; init; }

    /// <summary>The owner (a <see cref="FixtureUser.Key"/>).</summary>
    public required string OwnerKey { get; init; }

    /// <summary>SHA-256 (hex) of the cover image's bytes, when it has one.</summary>
    public string? CoverImageSha256 { get; init; }

    /// <summary>The cover image's content type, when it has one.</summary>
    public string? CoverImageContentType { get; init; }
}
