using System.Runtime.Versioning;
using Kasify.Grains.Security;
using Kasify.Silo.Schema;
using Kasify.Testing;

namespace Kasify.Grains.Tests.Security;

/// <summary>The embedded installation's folder, database, key file and mail pickup are readable by their owner only.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyFilesTests : IDisposable
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly TestFolder _folder = new();

    [Fact]
    public async Task ANewDatabaseAndItsFolderAreTheOwnersAlone()
    {
        var database = Path.Combine(_folder.Path, ".kasify", "kasify.db");

        await SchemaBootstrapper.EnsureSqliteSchemaAsync(database);

        AssertOwnerOnly(Path.GetDirectoryName(database)!);
        AssertOwnerOnly(database);
        AssertOwnerOnly(database + "-wal");
    }

    [Fact]
    public void TheKeyFileFolderIsCreatedForTheOwnerAlone()
    {
        var path = Path.Combine(_folder.Path, "fresh", "encryption-keys.json");

        KeyFile.LoadOrCreate(path);

        AssertOwnerOnly(Path.GetDirectoryName(path)!);
        AssertOwnerOnly(path);
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertOwnerOnly(string path)
    {
        var mode = File.GetUnixFileMode(path);
        Assert.True((mode & GroupOrOthers) == 0, $"{path} is {mode}");
    }
}
