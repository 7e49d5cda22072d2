using Kasify.Silo.Hosting;
using Kasify.Testing;
using Microsoft.Extensions.Configuration;

namespace Kasify.Grains.Tests.Security;

/// <summary>How the silo's <c>Kasify:Encryption</c> settings are bound and defaulted per storage mode.</summary>
public sealed class SiloEncryptionOptionsTests
{
    private static KasifySiloOptions Bind(params (string Key, string Value)[] settings) =>
        KasifySiloOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build());

    [Fact]
    public void SqliteModeWithoutKeysUsesAKeyFileNextToTheDatabase()
    {
        var options = Bind(("Kasify:Storage:SqlitePath", "data/kasify.db"));

        var encryption = options.ResolveEncryption();

        Assert.Empty(encryption.Keys);
        Assert.Equal(Path.GetFullPath("data/encryption-keys.json"), encryption.KeyFile);
    }

    [Fact]
    public void AConfiguredKeyFileIsResolvedAgainstTheWorkingDirectory()
    {
        var options = Bind(("Kasify:Encryption:KeyFile", "secrets/keys.json"));

        Assert.Equal(Path.GetFullPath("secrets/keys.json"), options.ResolveEncryption().KeyFile);
    }

    [Fact]
    public void ConfiguredKeysAreUsedAsTheyAre()
    {
        var key = KasifyTestSilos.RandomEncryption().Keys[0].Key;
        var options = Bind(("Kasify:Encryption:Keys:0:Id", "2025-06"), ("Kasify:Encryption:Keys:0:Key", key));

        var encryption = options.ResolveEncryption();

        Assert.Equal("2025-06", Assert.Single(encryption.Keys).Id);
        Assert.Null(encryption.KeyFile);
    }

    [Fact]
    public void PostgresModeRequiresKeys()
    {
        var error = Assert.Throws<KasifyConfigurationException>(() => Bind(
            ("Kasify:Storage:Mode", "Postgres"),
            ("Kasify:Storage:ConnectionString", "Host=db;Username=kasify;Database=kasify"),
            ("Kasify:Encryption:KeyFile", "keys.json")));

        Assert.StartsWith("Kasify:Encryption:Keys is required in Postgres mode", error.Message, StringComparison.Ordinal);
    }
}
