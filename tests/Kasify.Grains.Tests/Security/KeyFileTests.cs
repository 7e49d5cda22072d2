using System.Text;
using Kasify.Grains.Security;
using Kasify.Testing;

namespace Kasify.Grains.Tests.Security;

/// <summary>The single-silo development default: a key file created on first start and reused afterwards.</summary>
public sealed class KeyFileTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Fact]
    public void TheFirstStartCreatesAKeyThatLaterStartsReuse()
    {
        var path = Path.Combine(_folder.Path, ".kasify", "encryption-keys.json");

        var created = Assert.Single(KeyFile.LoadOrCreate(path));
        var reloaded = Assert.Single(KeyFile.LoadOrCreate(path));

        Assert.True(File.Exists(path));
        Assert.StartsWith("local-", created.Id, StringComparison.Ordinal);
        Assert.Equal((created.Id, created.Key), (reloaded.Id, reloaded.Key));
        Assert.Equal(32, Convert.FromBase64String(created.Key).Length);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));

        // Data protected before a restart reads after it.
        var protectedData = new AesGcmSecretProtector(KeyFile.LoadOrCreate(path)).Protect("secret"u8);
        Assert.Equal("secret", Encoding.UTF8.GetString(new AesGcmSecretProtector(KeyFile.LoadOrCreate(path)).Unprotect(protectedData)));
    }

    [Fact]
    public void OnlyTheOwnerCanReadTheFile()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_folder.Path, "keys.json");

        KeyFile.LoadOrCreate(path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void SilosStartingTogetherAgreeOnOneKey()
    {
        var path = Path.Combine(_folder.Path, "race", "keys.json");

        var keys = Enumerable.Range(0, 16).AsParallel().Select(_ => Assert.Single(KeyFile.LoadOrCreate(path)).Key).Distinct().ToList();

        Assert.Single(keys);
    }

    [Fact]
    public void TheOptionsFallBackToTheKeyFileWhenNoKeysAreConfigured()
    {
        var options = new KasifyEncryptionOptions { KeyFile = Path.Combine(_folder.Path, "keys.json") };

        var keys = options.ResolveKeys();

        Assert.Equal(keys.Single().Key, KeyFile.LoadOrCreate(options.KeyFile).Single().Key);
    }

    [Fact]
    public void AKeyFileEditedForRotationListsTheNewKeyFirst()
    {
        var path = Path.Combine(_folder.Path, "keys.json");
        var old = Assert.Single(KeyFile.LoadOrCreate(path));
        var oldData = new AesGcmSecretProtector([old]).Protect("secret"u8);
        var fresh = SecretProtectorTests.NewKey("local-2");
        File.WriteAllText(path, $$"""{ "keys": [ { "id": "{{fresh.Id}}", "key": "{{fresh.Key}}" }, { "id": "{{old.Id}}", "key": "{{old.Key}}" } ] }""");

        var protector = new AesGcmSecretProtector(KeyFile.LoadOrCreate(path));

        Assert.Equal("local-2", protector.CurrentKeyId);
        Assert.Equal("secret"u8.ToArray(), protector.Unprotect(oldData));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{ "Keys": [] }""")]
    [InlineData("null")]
    public void AnUnreadableKeyFileFailsClearly(string content)
    {
        var path = Path.Combine(_folder.Path, "keys.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<EncryptionConfigurationException>(() => KeyFile.LoadOrCreate(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(path));
    }

    public void Dispose() => _folder.Dispose();
}
