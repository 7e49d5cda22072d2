using Kasify.Grains.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Hosting;

/// <summary>
/// Registers <see cref="ISecretProtector"/>, the encryption at rest grains use for identity data and secrets, and
/// <see cref="IKeyedHasher"/>, the keyed hashes of identifiers found by value (guest document numbers), on the same keys.
/// </summary>
public static class KasifyEncryptionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the protector with the keys of the <c>Kasify:Encryption</c> section (see <see cref="KasifyEncryptionOptions"/>).
    /// The keys are read now, so a silo without one fails at startup rather than on the first guest.
    /// </summary>
    /// <exception cref="EncryptionConfigurationException">No usable key is configured.</exception>
    public static IServiceCollection AddKasifyEncryption(this IServiceCollection services, IConfiguration configuration) =>
        services.AddKasifyEncryption(KasifyEncryptionOptions.FromConfiguration(configuration));

    /// <summary>Adds the protector with the keys of <paramref name="options"/> (read now; a key file is created if configured and missing).</summary>
    /// <exception cref="EncryptionConfigurationException">No usable key is configured.</exception>
    public static IServiceCollection AddKasifyEncryption(this IServiceCollection services, KasifyEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var protector = new AesGcmSecretProtector(options.ResolveKeys());
        services.AddSingleton<ISecretProtector>(protector);
        services.AddSingleton<IKeyedHasher>(protector);
        return services;
    }
}
