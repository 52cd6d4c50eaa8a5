-- Files citizens attach to PAKN (web chat uploads), encrypted with the personal data key.
CREATE TABLE files (
    id            text PRIMARY KEY,
    content_type  text NOT NULL,
    name          text NULL,
    size_bytes    integer NOT NULL,
    content       text NOT NULL,
    stored_at     timestamptz NOT NULL
);
