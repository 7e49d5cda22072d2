namespace Kasify.MigrationFixture;

/// <summary>The storage a fixture is written on.</summary>
internal enum FixtureProvider
{
    /// <summary>Embedded mode: the SQLite file, its key file and the cover image folder.</summary>
    Sqlite,

    /// <summary>Cluster mode: a private PostgreSQL database, dumped as plain SQL.</summary>
    Postgres,
}
