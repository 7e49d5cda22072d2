using Microsoft.Extensions.Configuration;

namespace Kasify.Grains.Security;

/// <summary>
/// Encryption at rest, bound from the configuration section <c>Kasify:Encryption</c>. Every silo of a cluster must
/// list the same <see cref="Keys"/>: the first protects new data, all of them read old data, so a key is rotated by
/// putting a new one first and keeping the old ones until their data has been re-protected. With environment variables:
/// <c>Kasify__Encryption__Keys__0__Id=2025-06</c>, <c>Kasify__Encryption__Keys__0__Key=&lt;32 bytes in Base64&gt;</c>.
/// </summary>
public sealed class KasifyEncryptionOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Kasify:Encryption";

    /// <summary>The keys, current first. When empty, <see cref="KeyFile"/> supplies them.</summary>
    public List<KasifyEncryptionKey> Keys { get; set; } = [];

    /// <summary>
    /// For a single-silo (embedded) deployment only: a key file read, or created with a new random key on first start,
    /// when <see cref="Keys"/> is empty (see <see cref="Security.KeyFile"/>). A relative path is resolved against the
    /// working directory. Never use it for a cluster: each silo would create its own key.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>Binds the options from the <c>Kasify:Encryption</c> section of <paramref name="configuration"/>.</summary>
    /// <exception cref="EncryptionConfigurationException">A value cannot be converted.</exception>
    public static KasifyEncryptionOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new KasifyEncryptionOptions();
        try
        {
            configuration.GetSection(SectionName).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new EncryptionConfigurationException(exception.Message, exception);
        }

        return options;
    }

    /// <summary>The configured keys, or those of the key file (created if missing) when none are configured.</summary>
    /// <exception cref="EncryptionConfigurationException">Neither keys nor a key file are configured, or the key file cannot be read.</exception>
    public IReadOnlyList<KasifyEncryptionKey> ResolveKeys()
    {
        if (Keys.Count > 0)
        {
            return Keys;
        }

        if (!string.IsNullOrWhiteSpace(KeyFile))
        {
            return Security.KeyFile.LoadOrCreate(KeyFile);
        }

        throw new EncryptionConfigurationException(
            "No encryption key is configured. Set Kasify:Encryption:Keys to a list of { Id, Key } entries, Key being 32 random bytes " +
            "in Base64 (openssl rand -base64 32), for example with the environment variables Kasify__Encryption__Keys__0__Id=2025-06 " +
            "and Kasify__Encryption__Keys__0__Key=<key>. Every silo needs the same keys; the first one encrypts new data.");
    }
}
