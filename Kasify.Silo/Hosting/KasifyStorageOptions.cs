namespace Kasify.Silo.Hosting;

/// <summary>Storage settings (configuration section <c>Kasify:Storage</c>).</summary>
public sealed class KasifyStorageOptions
{
    /// <summary>Storage mode; <see cref="KasifyStorageMode.Sqlite"/> unless configured.</summary>
    public KasifyStorageMode Mode { get; set; } = KasifyStorageMode.Sqlite;

    /// <summary>SQLite database file (Sqlite mode); a relative path is resolved against the working directory.</summary>
    public string SqlitePath { get; set; } = ".kasify/kasify.db";

    /// <summary>Cover image folder (Sqlite mode); a relative path is resolved against the working directory.</summary>
    public string CoverImagesPath { get; set; } = ".kasify/cover-images";

    /// <summary>Npgsql connection string (Postgres mode).</summary>
    public string? ConnectionString { get; set; }
}
