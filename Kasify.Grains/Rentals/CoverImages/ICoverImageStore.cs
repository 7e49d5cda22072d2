namespace Kasify.Grains.Rentals.CoverImages;

/// <summary>
/// Cover image bytes, kept outside grain state so state rows stay small: a folder in the embedded mode, a PostgreSQL
/// table in cluster mode.
/// </summary>
public interface ICoverImageStore
{
    /// <summary>Stores (or replaces) a property's image.</summary>
    Task SaveAsync(Guid propertyId, StoredCoverImage image, CancellationToken cancellationToken = default);

    /// <summary>The stored image, or null.</summary>
    Task<StoredCoverImage?> ReadAsync(Guid propertyId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the image; deleting a missing image is not an error.</summary>
    Task DeleteAsync(Guid propertyId, CancellationToken cancellationToken = default);
}
