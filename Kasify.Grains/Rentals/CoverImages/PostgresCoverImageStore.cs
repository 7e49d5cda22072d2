using Npgsql;

namespace Kasify.Grains.Rentals.CoverImages;

/// <summary>
/// Cover images in the PostgreSQL table <c>kasify_cover_images</c> (created by the silo's schema scripts), so every
/// silo of a cluster serves the same images.
/// </summary>
public sealed class PostgresCoverImageStore(NpgsqlDataSource dataSource) : ICoverImageStore
{
    public async Task SaveAsync(Guid propertyId, StoredCoverImage image, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO kasify_cover_images (property_id, content_type, content, updated_at)
            VALUES ($1, $2, $3, now())
            ON CONFLICT (property_id) DO UPDATE
            SET content_type = excluded.content_type, content = excluded.content, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = propertyId });
        command.Parameters.Add(new NpgsqlParameter { Value = image.ContentType });
        command.Parameters.Add(new NpgsqlParameter { Value = image.Content });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredCoverImage?> ReadAsync(Guid propertyId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT content_type, content FROM kasify_cover_images WHERE property_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = propertyId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredCoverImage(reader.GetString(0), await reader.GetFieldValueAsync<byte[]>(1, cancellationToken));
    }

    public async Task DeleteAsync(Guid propertyId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM kasify_cover_images WHERE property_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = propertyId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
