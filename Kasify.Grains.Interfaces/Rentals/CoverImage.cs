namespace Kasify.Grains.Interfaces.Rentals;

/// <summary>A property's cover image: its media type, bytes and version (bumped on every upload).</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Rentals.CoverImage")]
public sealed record CoverImage(string ContentType, byte[] Content, int Version);
