namespace Kasify.Api.Hosting;

/// <summary>How the silos are deployed, which decides how the client finds them.</summary>
internal enum StorageMode
{
    /// <summary>One embedded silo on a SQLite file; its gateway listens on localhost.</summary>
    Sqlite,

    /// <summary>A cluster of silos with ADO.NET membership on PostgreSQL; gateways are read from the membership table.</summary>
    Postgres,
}
