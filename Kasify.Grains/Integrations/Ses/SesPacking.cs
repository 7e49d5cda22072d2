using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// The <c>solicitud</c> encoding: the inner XML as UTF-8 without a BOM, in a real ZIP archive (not gzip) with one
/// deflated entry, then single-line Base64. Anything else is answered with 10111.
/// </summary>
public static class SesPacking
{
    /// <summary>Name of the single archive entry; the service ignores it.</summary>
    public const string EntryName = "solicitud.xml";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Packs <paramref name="document"/> for the <c>solicitud</c> element.</summary>
    public static string Pack(XElement document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry(EntryName, CompressionLevel.Optimal);
            using var stream = entry.Open();
            using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Utf8NoBom, Indent = false });
            document.WriteTo(writer);
        }

        // The archive writes its central directory on dispose, so the bytes are complete only here.
        return Convert.ToBase64String(output.ToArray());
    }

    /// <summary>The document inside a packed <c>solicitud</c> (the first archive entry).</summary>
    /// <exception cref="FormatException">Not Base64, not a ZIP archive, or no XML inside.</exception>
    public static XElement Unpack(string solicitud)
    {
        ArgumentNullException.ThrowIfNull(solicitud);
        try
        {
            using var input = new MemoryStream(Convert.FromBase64String(solicitud));
            using var archive = new ZipArchive(input, ZipArchiveMode.Read);
            var entry = archive.Entries.FirstOrDefault() ?? throw new FormatException("The archive is empty.");
            using var stream = entry.Open();
            return XElement.Load(stream);
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException)
        {
            throw new FormatException("The solicitud is not zipped UTF-8 XML.", exception);
        }
    }
}
