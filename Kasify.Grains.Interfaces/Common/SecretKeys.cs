using System.Security.Cryptography;
using System.Text;

namespace Kasify.Grains.Interfaces.Common;

/// <summary>
/// Grain keys for index grains looked up by a secret (a token or public code): a prefix and the lowercase hex SHA-256
/// of the secret, so the secret itself never appears in grain keys, storage keys or logs. The secrets are random and
/// at least 128 bits, so an unsalted hash cannot be reversed by guessing. The prefix is not hex, so ADO.NET storage
/// keeps the key a string.
/// </summary>
public static class SecretKeys
{
    /// <summary><paramref name="prefix"/> + ":" + the hex SHA-256 of <paramref name="secret"/>.</summary>
    public static string For(string prefix, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return prefix + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
