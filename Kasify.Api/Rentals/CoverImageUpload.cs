namespace Kasify.Api.Rentals;

/// <summary>The cover image form (documentation of the multipart body; the endpoint reads the form itself).</summary>
internal sealed class CoverImageUpload
{
    /// <summary>The image: JPEG, PNG or WebP, at most 5 MB.</summary>
    public required IFormFile File { get; init; }
}
