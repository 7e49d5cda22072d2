using System.Security.Cryptography;
using System.Text;

namespace Kasify.Grains.Interfaces.Identity;

/// <summary>The personal access token format and the index key derived from a raw token.</summary>
public static class AccessTokenKeys
{
    /// <summary>Every personal access token starts with this prefix.</summary>
    public const string TokenPrefix = "kas_pat_";

    /// <summary>How many leading characters of a token are shown after creation.</summary>
    public const int DisplayPrefixLength = 12;

    /// <summary>"pat:" + lower-case hex SHA-256 of the raw token.</summary>
    public static string For(string rawToken) =>
        "pat:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawToken)));
}
