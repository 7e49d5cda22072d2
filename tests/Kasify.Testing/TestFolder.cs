namespace Kasify.Testing;

/// <summary>A temp folder for one test class's files (SQLite databases, cover images), deleted on dispose.</summary>
public sealed class TestFolder : IDisposable
{
    /// <summary>Creates a new, empty folder under the system temp folder.</summary>
    public TestFolder() => Path = Directory.CreateTempSubdirectory("kasify-test-").FullName;

    /// <summary>Absolute path of the folder.</summary>
    public string Path { get; }

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
