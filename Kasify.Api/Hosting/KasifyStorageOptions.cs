namespace Kasify.Api.Hosting;

/// <summary>The storage settings shared with the silo, bound from <c>Kasify:Storage</c>.</summary>
internal sealed class KasifyStorageOptions
{
    public const string SectionName = "Kasify:Storage";

    public StorageMode Mode { get; set; } = StorageMode.Sqlite;

    /// <summary>The PostgreSQL connection string (Postgres mode), the same setting the silo reads.</summary>
    public string? ConnectionString { get; set; }
}
