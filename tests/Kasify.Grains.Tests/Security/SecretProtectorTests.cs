using System.Security.Cryptography;
using System.Text;
using Kasify.Grains.CheckIn;
using Kasify.Grains.Hosting;
using Kasify.Grains.Security;
using Kasify.Grains.Tests.CheckIn;
using Kasify.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Tests.Security;

/// <summary>AES-256-GCM encryption at rest: round trips, tampering, rotation and key errors.</summary>
public sealed class SecretProtectorTests
{
    private static readonly KasifyEncryptionKey First = NewKey("2025-01");
    private static readonly KasifyEncryptionKey Second = NewKey("2025-06");
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("12345678Z Lucía Martín Ruiz");

    [Fact]
    public void ProtectedDataRoundTrips()
    {
        var protector = Protector(First);

        var protectedData = protector.Protect(Secret);

        Assert.Equal(Secret, protector.Unprotect(protectedData));
        Assert.Empty(protector.Unprotect(protector.Protect([])));
    }

    [Fact]
    public void AGuestRoundTripsAsJsonAndItsIdentityIsNotReadableAtRest()
    {
        var protector = Protector(First);
        var guest = GuestRulesTests.Validate(GuestRulesTests.SpanishAdult());
        const string Context = "guest:booking-1:guest-1";

        var protectedData = protector.ProtectJson(guest, Context);

        Assert.Equal(guest, protector.UnprotectJson<ValidatedGuest>(protectedData, Context));
        var text = Encoding.UTF8.GetString(protectedData);
        Assert.DoesNotContain("12345678Z", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Martín", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOutputNamesItsKeyAndUsesAFreshNonceEveryTime()
    {
        var protector = Protector(First);

        var one = protector.Protect(Secret);
        var two = protector.Protect(Secret);

        var idLength = Encoding.ASCII.GetByteCount(First.Id);
        Assert.Equal(AesGcmSecretProtector.FormatVersion, one[0]);
        Assert.Equal(idLength, one[1]);
        Assert.Equal(First.Id, Encoding.ASCII.GetString(one, 2, idLength));
        Assert.Equal(2 + idLength + AesGcmSecretProtector.NonceSize + AesGcmSecretProtector.TagSize + Secret.Length, one.Length);
        Assert.NotEqual(one.AsSpan(2 + idLength, AesGcmSecretProtector.NonceSize).ToArray(), two.AsSpan(2 + idLength, AesGcmSecretProtector.NonceSize).ToArray());
        Assert.NotEqual(one, two);
    }

    [Fact]
    public void AlteringAnyByteIsDetected()
    {
        var protector = Protector(First);
        var protectedData = protector.Protect(Secret);

        for (var i = 0; i < protectedData.Length; i++)
        {
            var altered = (byte[])protectedData.Clone();
            altered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(altered));
        }

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(protectedData.AsSpan(0, protectedData.Length - 1)));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(protectedData.AsSpan(0, 20)));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect([]));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect([.. protectedData, 0]));
    }

    [Fact]
    public void DataMovedToAnotherRecordIsRejected()
    {
        var protector = Protector(First);
        var protectedData = protector.ProtectJson("12345678Z", "guest:booking-1:guest-1");

        Assert.Throws<AuthenticationTagMismatchException>(() => protector.UnprotectJson<string>(protectedData, "guest:booking-2:guest-1"));
        Assert.Throws<AuthenticationTagMismatchException>(() => protector.UnprotectJson<string>(protectedData));
        Assert.Equal("12345678Z", protector.UnprotectJson<string>(protectedData, "guest:booking-1:guest-1"));
    }

    [Fact]
    public void AfterARotationOldDataStillReadsAndNewDataUsesTheNewKey()
    {
        var before = Protector(First);
        var old = before.Protect(Secret);

        var after = Protector(Second, First);
        var fresh = after.Protect(Secret);

        Assert.Equal(Secret, after.Unprotect(old));
        Assert.Equal(Second.Id, Encoding.ASCII.GetString(fresh, 2, fresh[1]));
        Assert.False(after.IsProtectedWithCurrentKey(old));
        Assert.True(after.IsProtectedWithCurrentKey(fresh));
        Assert.True(before.IsProtectedWithCurrentKey(old));

        // Once the old key is retired, its data names the missing key.
        var retired = Protector(Second);
        var error = Assert.ThrowsAny<CryptographicException>(() => retired.Unprotect(old));
        Assert.Contains("'2025-01'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Kasify:Encryption:Keys", error.Message, StringComparison.Ordinal);
        Assert.Equal(Secret, retired.Unprotect(fresh));
    }

    [Fact]
    public void TheWrongKeyUnderTheSameIdFailsAuthentication()
    {
        var protectedData = Protector(First).Protect(Secret);
        var impostor = Protector(new KasifyEncryptionKey { Id = First.Id, Key = NewKey("x").Key });

        Assert.Throws<AuthenticationTagMismatchException>(() => impostor.Unprotect(protectedData));
    }

    [Fact]
    public void WithoutAKeyConfigurationFailsClearly()
    {
        var error = Assert.Throws<EncryptionConfigurationException>(() => new KasifyEncryptionOptions().ResolveKeys());

        Assert.Contains("Kasify:Encryption:Keys", error.Message, StringComparison.Ordinal);
        Assert.Contains("Kasify__Encryption__Keys__0__Key", error.Message, StringComparison.Ordinal);
        Assert.Throws<EncryptionConfigurationException>(() => new AesGcmSecretProtector([]));
        Assert.Throws<EncryptionConfigurationException>(() => new ServiceCollection().AddKasifyEncryption(Configuration([])));
    }

    [Theory]
    [InlineData("k1", "")]
    [InlineData("k1", "not base64!")]
    [InlineData("k1", "AAECAwQFBgcICQoLDA0ODw==")]
    [InlineData("", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]
    [InlineData("key one", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]
    [InlineData("clé", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]
    public void MalformedKeysAreRejected(string id, string key)
    {
        var error = Assert.Throws<EncryptionConfigurationException>(() => new AesGcmSecretProtector([new KasifyEncryptionKey { Id = id, Key = key }]));

        Assert.Contains("Kasify:Encryption:Keys:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyIdsAreUnique()
    {
        var error = Assert.Throws<EncryptionConfigurationException>(() => Protector(First, new KasifyEncryptionKey { Id = First.Id, Key = Second.Key }));

        Assert.Contains(First.Id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysAreBoundFromConfigurationFirstKeyCurrent()
    {
        var configuration = Configuration(new()
        {
            ["Kasify:Encryption:Keys:0:Id"] = Second.Id,
            ["Kasify:Encryption:Keys:0:Key"] = Second.Key,
            ["Kasify:Encryption:Keys:1:Id"] = First.Id,
            ["Kasify:Encryption:Keys:1:Key"] = First.Key,
        });

        using var services = new ServiceCollection().AddKasifyEncryption(configuration).BuildServiceProvider();
        var protector = services.GetRequiredService<ISecretProtector>();

        Assert.Equal(Second.Id, Assert.IsType<AesGcmSecretProtector>(protector).CurrentKeyId);
        Assert.Equal(Secret, protector.Unprotect(Protector(First).Protect(Secret)));
        Assert.Equal(Secret, Protector(Second).Unprotect(protector.Protect(Secret)));
    }

    [Fact]
    public void ConfiguredKeysWinOverTheKeyFile()
    {
        using var folder = new TestFolder();
        var options = new KasifyEncryptionOptions { Keys = [First], KeyFile = Path.Combine(folder.Path, "keys.json") };

        Assert.Equal([First], options.ResolveKeys());
        Assert.False(File.Exists(options.KeyFile));
    }

    internal static KasifyEncryptionKey NewKey(string id) => new() { Id = id, Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    private static AesGcmSecretProtector Protector(params KasifyEncryptionKey[] keys) => new(keys);

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
