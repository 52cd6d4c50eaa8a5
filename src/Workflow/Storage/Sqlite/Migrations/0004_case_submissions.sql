-- Which chat message filed which case: a turn run again after a crash (the message handed over again) finds the
-- case its first run filed instead of filing it twice.
CREATE TABLE case_submissions (
    submission_key  TEXT PRIMARY KEY,
    code            TEXT NOT NULL,
    submitted_at    TEXT NOT NULL
);
