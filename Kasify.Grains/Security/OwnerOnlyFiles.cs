namespace Kasify.Grains.Security;

/// <summary>
/// Folders and files of the embedded installation (database, key file, mail pickup, cover images) hold data other
/// local users have no business reading: on Unix they are created for their owner alone.
/// </summary>
public static class OwnerOnlyFiles
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="folder"/> (and missing parents) owner-only; an existing folder is left as it is.</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, OwnerFolder);
    }

    /// <summary>Makes an existing file readable and writable by its owner only.</summary>
    public static void Restrict(string file)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file))
        {
            File.SetUnixFileMode(file, OwnerFile);
        }
    }
}
