-- PhanHoi.Bot schema, SQLite (the embedded store). Times are UTC ISO-8601 text 'yyyy-MM-ddTHH:mm:ss.fffffffZ'
-- (sorts as it reads); dates are 'yyyy-MM-dd'. Personal data lives only in cases.personal_data, encrypted.

CREATE TABLE agencies (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE categories (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    default_agency TEXT NULL REFERENCES agencies (code),
    keywords       TEXT NOT NULL,
    position       INTEGER NOT NULL
);

CREATE TABLE staff_users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL,
    username_key  TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    roles         TEXT NOT NULL,
    agency_code   TEXT NOT NULL REFERENCES agencies (code),
    created_at    TEXT NOT NULL
);

CREATE TABLE citizen_accounts (
    channel      TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    status       TEXT NOT NULL,
    locked_until TEXT NULL,
    reason       TEXT NULL,
    PRIMARY KEY (channel, user_id)
);

CREATE TABLE cases (
    id               TEXT PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    state            TEXT NOT NULL,
    channel          TEXT NOT NULL,
    category         TEXT NOT NULL,
    receiving_agency TEXT NOT NULL,
    handling_agency  TEXT NULL,
    report_agency    TEXT NOT NULL,
    citizen_channel  TEXT NULL,
    citizen_user_id  TEXT NULL,
    confidential     INTEGER NOT NULL,
    content          TEXT NOT NULL,
    search_text      TEXT NOT NULL,
    submitted_at     TEXT NOT NULL,
    submitted_on     TEXT NOT NULL,
    accepted_at      TEXT NULL,
    started_on       TEXT NULL,
    resolved_at      TEXT NULL,
    resolved_on      TEXT NULL,
    published_at     TEXT NULL,
    answer_due_by    TEXT NULL,
    staff_due_by     TEXT NULL,
    rebuttal_by      TEXT NULL,
    rebutted_at      TEXT NULL,
    rating           INTEGER NULL,
    last_reminded_on TEXT NULL,
    personal_data    TEXT NOT NULL,
    document         TEXT NOT NULL,
    version          INTEGER NOT NULL
);

CREATE INDEX cases_submitted ON cases (submitted_at DESC, id DESC);
CREATE INDEX cases_state_submitted ON cases (state, submitted_at DESC);
CREATE INDEX cases_category_submitted ON cases (category, submitted_at DESC);
CREATE INDEX cases_handling_submitted ON cases (handling_agency, submitted_at DESC);
CREATE INDEX cases_staff_due ON cases (staff_due_by) WHERE staff_due_by IS NOT NULL;
CREATE INDEX cases_rebuttal_due ON cases (rebuttal_by) WHERE state = 'published';
CREATE INDEX cases_citizen ON cases (citizen_channel, citizen_user_id, submitted_at DESC) WHERE citizen_user_id IS NOT NULL;
CREATE INDEX cases_published ON cases (published_at DESC) WHERE published_at IS NOT NULL;
CREATE INDEX cases_report ON cases (submitted_on, report_agency);

CREATE TABLE case_agencies (
    agency_code  TEXT NOT NULL,
    case_id      TEXT NOT NULL REFERENCES cases (id),
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (agency_code, case_id)
) WITHOUT ROWID;

CREATE INDEX case_agencies_case ON case_agencies (case_id);
CREATE INDEX case_agencies_agency_submitted ON case_agencies (agency_code, submitted_at DESC, case_id);

CREATE TABLE case_history (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id    TEXT NOT NULL REFERENCES cases (id),
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    from_state TEXT NULL,
    to_state   TEXT NULL,
    note       TEXT NULL
);

CREATE INDEX case_history_case ON case_history (case_id, id);

-- Append-only record (Art. 8): the database itself refuses to change or delete a line.
CREATE TRIGGER case_history_no_update BEFORE UPDATE ON case_history
BEGIN
    SELECT RAISE(ABORT, 'case_history is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history
BEGIN
    SELECT RAISE(ABORT, 'case_history is append-only: DELETE is not allowed');
END;

CREATE TABLE outbox (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id           TEXT NOT NULL,
    recipient_channel TEXT NOT NULL,
    recipient_user_id TEXT NOT NULL,
    notice            TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    status            TEXT NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   TEXT NOT NULL,
    leased_until      TEXT NULL,
    last_error        TEXT NULL,
    finished_at       TEXT NULL
);

CREATE INDEX outbox_due ON outbox (id) WHERE status = 'pending';
CREATE INDEX outbox_recipient_open ON outbox (recipient_channel, recipient_user_id, id) WHERE status IN ('pending', 'held');
CREATE INDEX outbox_case ON outbox (case_id, id);

CREATE TABLE inbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    source           TEXT NOT NULL,
    message_id       TEXT NOT NULL,
    conversation_key TEXT NOT NULL,
    payload          TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    status           TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    leased_until     TEXT NULL,
    last_error       TEXT NULL,
    completed_at     TEXT NULL,
    UNIQUE (source, message_id)
);

CREATE INDEX inbox_pending ON inbox (id) WHERE status = 'pending';
CREATE INDEX inbox_conversation_pending ON inbox (conversation_key, id) WHERE status = 'pending';

CREATE TABLE credentials (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    expires_at TEXT NULL,
    version    INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
