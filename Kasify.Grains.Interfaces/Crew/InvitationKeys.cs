using System.Security.Cryptography;
using System.Text;

namespace Kasify.Grains.Interfaces.Crew;

/// <summary>Builds <see cref="IInvitationIndexGrain"/> keys from invitation tokens.</summary>
public static class InvitationKeys
{
    /// <summary>
    /// "inv:" + the lowercase hex SHA-256 of the token. The hash keeps raw tokens out of grain keys (and so out of logs
    /// and storage keys); the prefix keeps the key from looking hex to ADO.NET storage.
    /// </summary>
    public static string For(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return "inv:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
