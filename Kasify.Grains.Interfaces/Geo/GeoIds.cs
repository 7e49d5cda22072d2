using System.Security.Cryptography;
using System.Text;

namespace Kasify.Grains.Interfaces.Geo;

/// <summary>
/// Stable ids of geographic entities, derived from their codes (name-based UUID, version 5), so every silo and every
/// deployment computes the same id for the same country, province or municipality without a lookup table.
/// </summary>
public static class GeoIds
{
    private static readonly Guid Namespace = new("6f1c2d0e-4b7a-5c39-9e2f-8a1b3c4d5e6f");

    /// <summary>Id of a country, from its ISO 3166-1 alpha-2 code.</summary>
    public static Guid Country(string alpha2) => Create("country:" + alpha2.ToUpperInvariant());

    /// <summary>Id of a Spanish province, from its two-digit INE code.</summary>
    public static Guid Province(string ineCode) => Create("province:" + ineCode);

    /// <summary>Id of a Spanish municipality, from its five-digit INE code.</summary>
    public static Guid Municipality(string ineCode) => Create("municipality:" + ineCode);

    private static Guid Create(string name)
    {
        var namespaceBytes = Namespace.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
#pragma warning disable CA5350 // RFC 9562 defines version 5 UUIDs over SHA-1; this is an identifier, not security.
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
