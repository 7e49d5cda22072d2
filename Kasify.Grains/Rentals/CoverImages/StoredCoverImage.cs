namespace Kasify.Grains.Rentals.CoverImages;

/// <summary>Bytes and media type of a stored cover image.</summary>
public sealed record StoredCoverImage(string ContentType, byte[] Content);
