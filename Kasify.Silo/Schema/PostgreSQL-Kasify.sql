-- Kasify's own tables for PostgreSQL (cluster mode). Idempotent: applied at every silo start, after the Orleans
-- scripts, so a table added here later reaches existing databases too.

-- Cover images are binary blobs kept out of grain state (PostgresCoverImageStore).
CREATE TABLE IF NOT EXISTS kasify_cover_images
(
    property_id uuid PRIMARY KEY,
    content_type text NOT NULL,
    content bytea NOT NULL,
    updated_at timestamptz NOT NULL
);
