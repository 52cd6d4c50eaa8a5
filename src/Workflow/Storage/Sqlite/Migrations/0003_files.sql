-- Files citizens attach to PAKN (web chat uploads), encrypted with the personal data key.
CREATE TABLE files (
    id            TEXT PRIMARY KEY,
    content_type  TEXT NOT NULL,
    name          TEXT NULL,
    size_bytes    INTEGER NOT NULL,
    content       TEXT NOT NULL,
    stored_at     TEXT NOT NULL
);
