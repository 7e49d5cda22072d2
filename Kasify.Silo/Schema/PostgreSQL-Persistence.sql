-- Kasify schema for PostgreSQL, part 3 of 4: grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2).
--
-- Contract (what AdoNetGrainStorage sends and reads):
--   * A row is keyed by ServiceId + GrainTypeString (the [PersistentState] name) + the grain key, which arrives as
--     GrainIdN0/GrainIdN1 (Guid halves, or 0/long for integer keys) plus GrainIdExtensionString (the key extension,
--     or the whole key for string keys; NULL when there is none). GrainIdHash and GrainTypeHash are stored as sent.
--   * The payload is PayloadBinary: System.Text.Json UTF-8 bytes (convert_from(PayloadBinary, 'UTF8') reads it).
--   * Version is the ETag. GrainStateVersion is NULL for a grain that has never been stored.
--   * Read returns PayloadBinary and Version (NULL payload = cleared state). Write returns NewGrainStateVersion;
--     no row means a version conflict. Clear and delete return one value that differs from the old ETag.

CREATE TABLE OrleansStorage
(
    ServiceId varchar(150) NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainIdExtensionString text NULL,
    GrainIdHash integer NOT NULL,
    GrainTypeHash integer NOT NULL,
    PayloadBinary bytea NULL,
    ModifiedOn timestamptz NOT NULL DEFAULT now(),
    Version integer NOT NULL
);

-- One row per grain state. The extension is nullable and NULLs are never equal in a unique index, so the index
-- holds both the text and whether it is NULL; every lookup below repeats these two expressions to use it.
CREATE UNIQUE INDEX UX_OrleansStorage_Grain ON OrleansStorage
(
    ServiceId,
    GrainTypeString,
    GrainIdN0,
    GrainIdN1,
    (coalesce(GrainIdExtensionString, '')),
    (GrainIdExtensionString IS NULL)
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
    -- A known version updates in place; no version inserts the first row. ON CONFLICT turns a lost insert race
    -- into an empty result, which the provider reports as a version conflict.
    'WriteToStorageKey',
    'WITH updated AS (
        UPDATE OrleansStorage
        SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
        WHERE @GrainStateVersion IS NOT NULL
            AND Version = @GrainStateVersion
            AND ServiceId = @ServiceId
            AND GrainTypeString = @GrainTypeString
            AND GrainIdN0 = @GrainIdN0
            AND GrainIdN1 = @GrainIdN1
            AND coalesce(GrainIdExtensionString, '''') = coalesce(@GrainIdExtensionString, '''')
            AND (GrainIdExtensionString IS NULL) = (@GrainIdExtensionString IS NULL)
        RETURNING Version
    ),
    inserted AS (
        INSERT INTO OrleansStorage
            (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash,
             PayloadBinary, Version)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @GrainIdHash,
            @GrainTypeHash, @PayloadBinary, 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING Version
    )
    SELECT Version AS NewGrainStateVersion FROM updated
    UNION ALL
    SELECT Version FROM inserted;'
),
(
    'ClearStorageKey',
    'UPDATE OrleansStorage
    SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
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
    -- Used instead of ClearStorageKey when AdoNetGrainStorageOptions.DeleteStateOnClear is set.
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
