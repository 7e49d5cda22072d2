-- Kasify schema for SQLite, part 2 of 3: grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant
-- "System.Data.SQLite", served by Microsoft.Data.Sqlite). Same contract and layout as PostgreSQL-Persistence.sql:
-- rows keyed by ServiceId + state name + grain key, System.Text.Json bytes in PayloadBinary, Version as the ETag.
-- SQLite has no data-modifying CTEs, so a write is two statements of which at most one returns a row; the
-- provider reads every result set of the command.

CREATE TABLE OrleansStorage
(
    ServiceId TEXT NOT NULL,
    GrainTypeString TEXT NOT NULL,
    GrainIdN0 INTEGER NOT NULL,
    GrainIdN1 INTEGER NOT NULL,
    GrainIdExtensionString TEXT NULL,
    GrainIdHash INTEGER NOT NULL,
    GrainTypeHash INTEGER NOT NULL,
    PayloadBinary BLOB NULL,
    ModifiedOn TEXT NOT NULL,
    Version INTEGER NOT NULL
);

-- One row per grain state; NULL extensions are told apart from empty ones (see PostgreSQL-Persistence.sql).
CREATE UNIQUE INDEX UX_OrleansStorage_Grain ON OrleansStorage
(
    ServiceId,
    GrainTypeString,
    GrainIdN0,
    GrainIdN1,
    coalesce(GrainIdExtensionString, ''),
    GrainIdExtensionString IS NULL
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey',
    'SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE ServiceId = @ServiceId
        AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND coalesce(GrainIdExtensionString, '''') = coalesce(@GrainIdExtensionString, '''')
        AND (GrainIdExtensionString IS NULL) = (@GrainIdExtensionString IS NULL);'
),
(
    'WriteToStorageKey',
    'UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), Version = Version + 1
    WHERE @GrainStateVersion IS NOT NULL
        AND Version = @GrainStateVersion
        AND ServiceId = @ServiceId
        AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND coalesce(GrainIdExtensionString, '''') = coalesce(@GrainIdExtensionString, '''')
        AND (GrainIdExtensionString IS NULL) = (@GrainIdExtensionString IS NULL)
    RETURNING Version AS NewGrainStateVersion;
    INSERT INTO OrleansStorage
        (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash,
         PayloadBinary, ModifiedOn, Version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @GrainIdHash,
        @GrainTypeHash, @PayloadBinary, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version AS NewGrainStateVersion;'
),
(
    'ClearStorageKey',
    'UPDATE OrleansStorage
    SET PayloadBinary = NULL, ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), Version = Version + 1
    WHERE Version = @GrainStateVersion
        AND ServiceId = @ServiceId
        AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND coalesce(GrainIdExtensionString, '''') = coalesce(@GrainIdExtensionString, '''')
        AND (GrainIdExtensionString IS NULL) = (@GrainIdExtensionString IS NULL)
    RETURNING Version AS NewGrainStateVersion;'
),
(
    'DeleteStorageKey',
    'DELETE FROM OrleansStorage
    WHERE Version = @GrainStateVersion
        AND ServiceId = @ServiceId
        AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND coalesce(GrainIdExtensionString, '''') = coalesce(@GrainIdExtensionString, '''')
        AND (GrainIdExtensionString IS NULL) = (@GrainIdExtensionString IS NULL)
    RETURNING Version + 1 AS NewGrainStateVersion;'
);
