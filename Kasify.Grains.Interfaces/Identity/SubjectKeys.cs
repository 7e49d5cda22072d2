using System.Security.Cryptography;
using System.Text;

namespace Kasify.Grains.Interfaces.Identity;

/// <summary>Builds <see cref="ISubjectIndexGrain"/> keys from an issuer and subject.</summary>
public static class SubjectKeys
{
    /// <summary>
    /// "sub:" + SHA-256 of issuer and subject. Hashing keeps arbitrary subject characters (such as '+', which
    /// ADO.NET storage treats as a key extension) out of the grain key; the prefix keeps it from looking hex.
    /// </summary>
    public static string For(string issuer, string subject)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{issuer}\n{subject}"));
        return "sub:" + Convert.ToHexStringLower(hash);
    }
}
