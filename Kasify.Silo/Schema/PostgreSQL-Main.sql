-- Kasify schema for PostgreSQL, part 1 of 4: the query table shared by the Orleans ADO.NET providers.
-- Every provider loads its statements from here by key at silo start, so this script runs first.
-- Applied once per database by SchemaBootstrapper (guarded by the presence of this table).

CREATE TABLE OrleansQuery
(
    QueryKey varchar(64) NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
