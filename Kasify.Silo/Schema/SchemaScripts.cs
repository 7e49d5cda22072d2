namespace Kasify.Silo.Schema;

/// <summary>The SQL scripts embedded in this assembly (Schema/*.sql), in the order they must run.</summary>
internal static class SchemaScripts
{
    /// <summary>Orleans tables and queries for PostgreSQL; Main first, since the others insert into OrleansQuery.</summary>
    public static IReadOnlyList<string> PostgresOrleans { get; } =
        ["PostgreSQL-Main.sql", "PostgreSQL-Clustering.sql", "PostgreSQL-Persistence.sql", "PostgreSQL-Reminders.sql"];

    /// <summary>Kasify's own PostgreSQL tables; idempotent, run at every start.</summary>
    public static string PostgresKasify => "PostgreSQL-Kasify.sql";

    /// <summary>Orleans tables and queries for SQLite (no clustering: one silo uses localhost clustering).</summary>
    public static IReadOnlyList<string> SqliteOrleans { get; } =
        ["Sqlite-Main.sql", "Sqlite-Persistence.sql", "Sqlite-Reminders.sql"];

    /// <summary>The text of one embedded script.</summary>
    public static string Read(string fileName)
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(name => name.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The schema script {fileName} is not embedded in {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
