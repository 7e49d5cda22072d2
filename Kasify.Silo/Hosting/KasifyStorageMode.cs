namespace Kasify.Silo.Hosting;

/// <summary>Where a silo keeps membership, grain state, reminders and cover images.</summary>
public enum KasifyStorageMode
{
    /// <summary>One silo on localhost clustering; state and reminders in one SQLite file, cover images in a folder.</summary>
    Sqlite,

    /// <summary>A cluster: membership, state, reminders and cover images in one PostgreSQL database.</summary>
    Postgres,
}
