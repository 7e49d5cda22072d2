using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Kasify.Grains.Security;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per message. Output layout (version 1):
/// <c>[1: version = 1][1: key id length n][n: key id, ASCII][12: nonce][16: tag][ciphertext, as long as the plaintext]</c>.
/// The version byte and key id are authenticated together with the caller's associated data, so neither can be
/// altered unnoticed. A random nonce is safe for about 2^32 messages per key; rotate well before that.
/// The same keys key the <see cref="IKeyedHasher"/> hashes, through sub-keys derived per purpose (HKDF-SHA256), so the AES
/// key itself never keys an HMAC.
/// </summary>
internal sealed partial class AesGcmSecretProtector : ISecretProtector, IKeyedHasher
{
    public const byte FormatVersion = 1;
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    private readonly Key _current;
    private readonly FrozenDictionary<string, Key> _keys;

    /// <summary>Creates the protector; the first key protects, all of them unprotect.</summary>
    /// <exception cref="EncryptionConfigurationException">No keys, or a key with a bad id, a bad length or a duplicate id.</exception>
    public AesGcmSecretProtector(IReadOnlyList<KasifyEncryptionKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new EncryptionConfigurationException("Kasify:Encryption:Keys is empty: configure at least one key.");
        }

        var parsed = keys.Select((key, index) => Parse(key, index)).ToList();
        if (parsed.GroupBy(key => key.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } duplicate)
        {
            throw new EncryptionConfigurationException($"Kasify:Encryption:Keys lists the key id '{duplicate.Key}' twice; key ids must be unique.");
        }

        _current = parsed[0];
        _keys = parsed.ToFrozenDictionary(key => key.Id, StringComparer.Ordinal);
    }

    /// <summary>Id of the key that protects new data.</summary>
    public string CurrentKeyId => _current.Id;

    public byte[] Protect(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        var headerLength = 2 + _current.IdBytes.Length;
        var output = new byte[headerLength + NonceSize + TagSize + plaintext.Length];
        output[0] = FormatVersion;
        output[1] = (byte)_current.IdBytes.Length;
        _current.IdBytes.CopyTo(output, 2);

        var nonce = output.AsSpan(headerLength, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_current.Material, TagSize);
        aes.Encrypt(
            nonce,
            plaintext,
            output.AsSpan(headerLength + NonceSize + TagSize),
            output.AsSpan(headerLength + NonceSize, TagSize),
            [.. output.AsSpan(0, headerLength), .. associatedData]);
        return output;
    }

    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> associatedData = default)
    {
        var (key, headerLength) = ReadHeader(protectedData);
        var plaintext = new byte[protectedData.Length - headerLength - NonceSize - TagSize];
        using var aes = new AesGcm(key.Material, TagSize);
        try
        {
            aes.Decrypt(
                protectedData.Slice(headerLength, NonceSize),
                protectedData[(headerLength + NonceSize + TagSize)..],
                protectedData.Slice(headerLength + NonceSize, TagSize),
                plaintext,
                [.. protectedData[..headerLength], .. associatedData]);
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new AuthenticationTagMismatchException(
                $"The protected data failed authentication with key '{key.Id}': it was altered, the key material for that id changed, " +
                "or it belongs to another record (the associated data differs).",
                exception);
        }

        return plaintext;
    }

    public bool IsProtectedWithCurrentKey(ReadOnlySpan<byte> protectedData) =>
        protectedData.Length > 2
        && protectedData[0] == FormatVersion
        && protectedData.Slice(2).StartsWith(_current.IdBytes)
        && protectedData[1] == _current.IdBytes.Length;

    public string Hash(string purpose, string value) => HashWith(_current, purpose, value);

    public IReadOnlySet<string> HashesUnderEveryKey(string purpose, string value) =>
        _keys.Values.Select(key => HashWith(key, purpose, value)).ToHashSet(StringComparer.Ordinal);

    private static string HashWith(Key key, string purpose, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(value);
        var subKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material, KeySize, info: Encoding.UTF8.GetBytes("kasify-keyed-hash:" + purpose));
        return key.Id + ":" + Convert.ToHexStringLower(HMACSHA256.HashData(subKey, Encoding.UTF8.GetBytes(value)));
    }

    private (Key Key, int HeaderLength) ReadHeader(ReadOnlySpan<byte> protectedData)
    {
        if (protectedData.Length < 2 || protectedData[0] != FormatVersion)
        {
            throw new CryptographicException("The data is not protected in a format this version of Kasify reads.");
        }

        var headerLength = 2 + protectedData[1];
        if (protectedData[1] == 0 || protectedData.Length < headerLength + NonceSize + TagSize)
        {
            throw new CryptographicException("The protected data is truncated.");
        }

        var id = Encoding.ASCII.GetString(protectedData[2..headerLength]);
        if (!_keys.TryGetValue(id, out var key))
        {
            throw new CryptographicException(
                $"The data was protected with the encryption key '{id}', which is not configured: add it back to Kasify:Encryption:Keys to read it.");
        }

        return (key, headerLength);
    }

    private static Key Parse(KasifyEncryptionKey key, int index)
    {
        var setting = $"Kasify:Encryption:Keys:{index}";
        if (key is null || string.IsNullOrWhiteSpace(key.Id) || !KeyId().IsMatch(key.Id))
        {
            throw new EncryptionConfigurationException($"{setting}:Id must be 1 to 64 letters, digits, '.', '_' or '-'.");
        }

        var material = new byte[KeySize + 1];
        if (string.IsNullOrWhiteSpace(key.Key) || !Convert.TryFromBase64String(key.Key.Trim(), material, out var length) || length != KeySize)
        {
            throw new EncryptionConfigurationException(
                $"{setting}:Key (id '{key.Id}') must be {KeySize} random bytes in Base64, e.g. the output of openssl rand -base64 32.");
        }

        return new Key(key.Id, Encoding.ASCII.GetBytes(key.Id), material[..KeySize]);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex KeyId();

    private sealed record Key(string Id, byte[] IdBytes, byte[] Material);
}
