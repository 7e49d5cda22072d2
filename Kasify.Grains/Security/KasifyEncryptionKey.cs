namespace Kasify.Grains.Security;

/// <summary>One entry of <c>Kasify:Encryption:Keys</c>.</summary>
public sealed class KasifyEncryptionKey
{
    /// <summary>
    /// Name stored with every value this key protects, so it must never be reused for other key material:
    /// 1 to 64 letters, digits, '.', '_' or '-' (e.g. <c>2025-06</c>).
    /// </summary>
    public string Id { get; set; } = "";

    /// <summary>The 256-bit AES key: 32 random bytes in Base64 (<c>openssl rand -base64 32</c>).</summary>
    public string Key { get; set; } = "";
}
