namespace Kasify.Api.Rentals;

/// <summary>Recognises the accepted cover image formats by their leading bytes, not by what the client claims.</summary>
internal static class CoverImageFormats
{
    /// <summary>Largest accepted image: 5 MB.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }
}
