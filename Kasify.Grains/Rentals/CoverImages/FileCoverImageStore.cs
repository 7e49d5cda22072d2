using Kasify.Grains.Security;
namespace Kasify.Grains.Rentals.CoverImages;

/// <summary>Cover images as files in one folder: "{id}.img" plus "{id}.type" holding the media type.</summary>
public sealed class FileCoverImageStore : ICoverImageStore
{
    private readonly string _directory;

    /// <summary>Uses (and creates) the given folder.</summary>
    public FileCoverImageStore(string directory)
    {
        _directory = Path.GetFullPath(directory);
        OwnerOnlyFiles.CreateFolder(_directory);
    }

    public async Task SaveAsync(Guid propertyId, StoredCoverImage image, CancellationToken cancellationToken = default)
    {
        // Write to temporary files and move them into place, so a reader never sees half an image.
        var temp = Path.Combine(_directory, $"{propertyId:N}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temp + ".img", image.Content, cancellationToken);
        await File.WriteAllTextAsync(temp + ".type", image.ContentType, cancellationToken);
        File.Move(temp + ".type", TypePath(propertyId), overwrite: true);
        File.Move(temp + ".img", ImagePath(propertyId), overwrite: true);
    }

    public async Task<StoredCoverImage?> ReadAsync(Guid propertyId, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await File.ReadAllBytesAsync(ImagePath(propertyId), cancellationToken);
            var contentType = await File.ReadAllTextAsync(TypePath(propertyId), cancellationToken);
            return new StoredCoverImage(contentType.Trim(), content);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(Guid propertyId, CancellationToken cancellationToken = default)
    {
        File.Delete(ImagePath(propertyId));
        File.Delete(TypePath(propertyId));
        return Task.CompletedTask;
    }

    private string ImagePath(Guid propertyId) => Path.Combine(_directory, $"{propertyId:N}.img");

    private string TypePath(Guid propertyId) => Path.Combine(_directory, $"{propertyId:N}.type");
}
