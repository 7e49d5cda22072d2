using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Kasify.Grains.Security;

/// <summary>
/// The development default for a single silo: a JSON file holding the encryption keys, created with one new random
/// key on first start (owner read/write only on Unix) and read on every later start. Its shape is that of the
/// configuration section, <c>{"Keys": [{"Id": "...", "Key": "..."}]}</c>, so a key can be rotated by editing it. Losing
/// the file makes the data it protected unreadable: it lives next to the database it protects (<c>.kasify/</c>).
/// </summary>
public static class KeyFile
{
    private const string About =
        "Kasify encryption keys for this single-silo installation. Keep this file with the database; without it stored guest " +
        "identity data cannot be read. Never commit it or copy it to another installation.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
    };

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    /// <summary>Reads the keys of the file at <paramref name="path"/>, first creating it with a new key if it does not exist.</summary>
    /// <exception cref="EncryptionConfigurationException">The file exists but cannot be read or lists no keys.</exception>
    public static IReadOnlyList<KasifyEncryptionKey> LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path, Environment.CurrentDirectory);
        if (!File.Exists(fullPath))
        {
            Create(fullPath);
        }

        return Load(fullPath);
    }

    private static void Create(string path)
    {
        OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(path)!);

        // Silos starting together take turns on a lock file; the one that finds no key file writes it aside and renames
        // it into place, so a reader sees either no file or a whole one and a crash never leaves half a file.
        using var turn = TakeTurn(path + ".lock");
        if (File.Exists(path))
        {
            return;
        }

        var key = new KasifyEncryptionKey
        {
            Id = "local-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(AesGcmSecretProtector.KeySize)),
        };
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, OwnerOnly(FileMode.CreateNew, FileShare.None)))
            {
                JsonSerializer.Serialize(stream, new Content(About, [key]), Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static FileStream TakeTurn(string lockPath)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock on Unix and a sharing lock on Windows, across processes.
                return new FileStream(lockPath, OwnerOnly(FileMode.OpenOrCreate, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Random.Shared.Next(5, 25));
            }
            catch (IOException exception)
            {
                throw new EncryptionConfigurationException($"The encryption key file lock {lockPath} stayed taken for {LockWait.TotalSeconds} s.", exception);
            }
        }
    }

    private static FileStreamOptions OwnerOnly(FileMode mode, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static List<KasifyEncryptionKey> Load(string path)
    {
        Content? content;
        try
        {
            using var stream = File.OpenRead(path);
            content = JsonSerializer.Deserialize<Content>(stream, Json);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new EncryptionConfigurationException($"The encryption key file {path} cannot be read: {exception.Message}", exception);
        }

        if (content?.Keys is not { Count: > 0 } keys)
        {
            throw new EncryptionConfigurationException($"The encryption key file {path} lists no keys.");
        }

        return keys;
    }

    private sealed record Content(string? About, List<KasifyEncryptionKey>? Keys);
}
