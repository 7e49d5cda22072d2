-- Kasify schema for SQLite, part 1 of 3: the query table shared by the Orleans ADO.NET providers.
-- Every provider loads its statements from here by key at silo start, so this script runs first.
-- Applied once per database file by SchemaBootstrapper (guarded by sqlite_master).

CREATE TABLE OrleansQuery
(
    QueryKey TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
