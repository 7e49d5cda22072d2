using System.Security.Cryptography;
using System.Text;

namespace Kasify.Grains.Channels;

/// <summary>
/// Ids derived from a name (a UUID in the name-based layout, from SHA-256): what a sync creates or sends again after a
/// crash or a repeat names the same booking or mail grain as the first time.
/// </summary>
internal static class NameBasedIds
{
    public static Guid From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5 layout: name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
