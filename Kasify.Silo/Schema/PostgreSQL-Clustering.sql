-- Kasify schema for PostgreSQL, part 2 of 4: cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2).
--
-- Contract (what the provider sends and reads):
--   * DeploymentId is the ClusterId; a silo is identified by (Address, Port, Generation).
--   * Times arrive as UTC DateTime parameters (DbType.DateTime, which Npgsql sends as timestamptz).
--   * Membership reads return one row per silo plus the table version; when a cluster has no silo rows yet they
--     still return one row carrying the version, with NULL silo columns (the provider checks StartTime for NULL).
--   * Insert, update and version-insert return a single boolean column; the membership table version is the
--     optimistic-concurrency token: a write succeeds only when the caller's version is still current, and bumps it.

CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    ModifiedOn timestamptz NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
);

CREATE TABLE OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NOT NULL DEFAULT 0,
    SuspectTimes text NULL,
    StartTime timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE
);

-- Taking the expected version first locks the cluster's version row, so concurrent membership writers of one
-- cluster queue behind each other and at most one of them wins per version. When the silo row itself cannot be
-- written, the version is handed back (the lock is still held, so nobody can have observed the bump).
CREATE FUNCTION orleans_membership_insert(
    p_deployment_id text,
    p_address text,
    p_port integer,
    p_generation integer,
    p_silo_name text,
    p_host_name text,
    p_status integer,
    p_proxy_port integer,
    p_start_time timestamptz,
    p_i_am_alive_time timestamptz,
    p_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $body$
BEGIN
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, ModifiedOn = now()
    WHERE DeploymentId = p_deployment_id AND Version = p_version;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
         coalesce(p_proxy_port, 0), p_start_time, p_i_am_alive_time)
    ON CONFLICT ON CONSTRAINT PK_OrleansMembershipTable DO NOTHING;
    IF FOUND THEN
        RETURN true;
    END IF;

    UPDATE OrleansMembershipVersionTable SET Version = Version - 1 WHERE DeploymentId = p_deployment_id;
    RETURN false;
END;
$body$;

CREATE FUNCTION orleans_membership_update(
    p_deployment_id text,
    p_address text,
    p_port integer,
    p_generation integer,
    p_status integer,
    p_suspect_times text,
    p_i_am_alive_time timestamptz,
    p_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $body$
BEGIN
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, ModifiedOn = now()
    WHERE DeploymentId = p_deployment_id AND Version = p_version;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipTable
    SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_i_am_alive_time
    WHERE DeploymentId = p_deployment_id
        AND Address = p_address AND Port = p_port AND Generation = p_generation;
    IF FOUND THEN
        RETURN true;
    END IF;

    UPDATE OrleansMembershipVersionTable SET Version = Version - 1 WHERE DeploymentId = p_deployment_id;
    RETURN false;
END;
$body$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'InsertMembershipVersionKey',
    'WITH created AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
        ON CONFLICT ON CONSTRAINT PK_OrleansMembershipVersionTable DO NOTHING
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM created);'
),
(
    'InsertMembershipKey',
    'SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);'
),
(
    'UpdateMembershipKey',
    'SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
        @IAmAliveTime, @Version);'
),
(
    'UpdateIAmAlivetimeKey',
    'UPDATE OrleansMembershipTable
    SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId
        AND Address = @Address AND Port = @Port AND Generation = @Generation;'
),
(
    'MembershipReadRowKey',
    'SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m
        ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;'
),
(
    'MembershipReadAllKey',
    'SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;'
),
(
    'GatewaysQueryKey',
    'SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;'
),
(
    'DeleteMembershipTableEntriesKey',
    'DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;'
),
(
    -- Rows of silos that stopped reporting before the cut-off and are not active (status 3) are history.
    'CleanupDefunctSiloEntriesKey',
    'DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;'
);
