-- PhanHoi.Bot schema, PostgreSQL. Times are timestamptz (UTC); legal dates are local dates (Asia/Ho_Chi_Minh)
-- computed by the application. Personal data lives only in cases.personal_data, encrypted by the application.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE agencies (
    code text PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE categories (
    code           text PRIMARY KEY,
    name           text NOT NULL,
    default_agency text NULL REFERENCES agencies (code),
    keywords       jsonb NOT NULL,
    position       integer NOT NULL
);

CREATE TABLE staff_users (
    id            uuid PRIMARY KEY,
    username      text NOT NULL,
    username_key  text NOT NULL UNIQUE,
    display_name  text NOT NULL,
    password_hash text NOT NULL,
    roles         text NOT NULL,
    agency_code   text NOT NULL REFERENCES agencies (code),
    created_at    timestamptz NOT NULL
);

CREATE TABLE citizen_accounts (
    channel      text NOT NULL,
    user_id      text NOT NULL,
    status       text NOT NULL,
    locked_until timestamptz NULL,
    reason       text NULL,
    PRIMARY KEY (channel, user_id)
);

CREATE TABLE cases (
    id               uuid PRIMARY KEY,
    code             text NOT NULL UNIQUE,
    state            text NOT NULL,
    channel          text NOT NULL,
    category         text NOT NULL,
    receiving_agency text NOT NULL,
    handling_agency  text NULL,
    report_agency    text NOT NULL,           -- handling agency, else receiving agency (statistics)
    citizen_channel  text NULL,
    citizen_user_id  text NULL,
    confidential     boolean NOT NULL,
    content          text NOT NULL,
    search_text      text NOT NULL,           -- lower-cased content for q
    submitted_at     timestamptz NOT NULL,
    submitted_on     date NOT NULL,           -- local date
    accepted_at      timestamptz NULL,
    started_on       date NULL,               -- local date of assignment (else acceptance)
    resolved_at      timestamptz NULL,
    resolved_on      date NULL,
    published_at     timestamptz NULL,
    answer_due_by    date NULL,               -- resolve deadline (triage deadline for direct answers)
    staff_due_by     date NULL,
    rebuttal_by      date NULL,
    rebutted_at      timestamptz NULL,
    rating           smallint NULL,
    last_reminded_on date NULL,
    personal_data    text NOT NULL,           -- encrypted JSON of the citizen's details
    document         jsonb NOT NULL,          -- the rest of the case
    version          integer NOT NULL
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
CREATE INDEX cases_search_trgm ON cases USING gin (search_text gin_trgm_ops);

-- Every agency involved in a case (receiving, handling, asked to coordinate): a handler's scope.
CREATE TABLE case_agencies (
    agency_code  text NOT NULL,
    case_id      uuid NOT NULL REFERENCES cases (id),
    submitted_at timestamptz NOT NULL,
    PRIMARY KEY (agency_code, case_id)
);

CREATE INDEX case_agencies_case ON case_agencies (case_id);
CREATE INDEX case_agencies_agency_submitted ON case_agencies (agency_code, submitted_at DESC, case_id);

-- Append-only record (Art. 8): the database itself refuses to change or delete a line.
CREATE TABLE case_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    uuid NOT NULL REFERENCES cases (id),
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    action     text NOT NULL,
    from_state text NULL,
    to_state   text NULL,
    note       text NULL
);

CREATE INDEX case_history_case ON case_history (case_id, id);

CREATE FUNCTION case_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_history is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER case_history_no_change BEFORE UPDATE OR DELETE ON case_history
    FOR EACH ROW EXECUTE FUNCTION case_history_is_append_only();

CREATE TRIGGER case_history_no_truncate BEFORE TRUNCATE ON case_history
    FOR EACH STATEMENT EXECUTE FUNCTION case_history_is_append_only();

CREATE TABLE outbox (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id           uuid NOT NULL,
    recipient_channel text NOT NULL,
    recipient_user_id text NOT NULL,
    notice            jsonb NOT NULL,
    created_at        timestamptz NOT NULL,
    status            text NOT NULL,
    attempts          integer NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    leased_until      timestamptz NULL,
    last_error        text NULL,
    finished_at       timestamptz NULL
);

CREATE INDEX outbox_due ON outbox (id) WHERE status = 'pending';
CREATE INDEX outbox_recipient_open ON outbox (recipient_channel, recipient_user_id, id) WHERE status IN ('pending', 'held');
CREATE INDEX outbox_case ON outbox (case_id, id);

CREATE TABLE inbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source           text NOT NULL,
    message_id       text NOT NULL,
    conversation_key text NOT NULL,
    payload          text NOT NULL,           -- encrypted
    received_at      timestamptz NOT NULL,
    status           text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    leased_until     timestamptz NULL,
    last_error       text NULL,
    completed_at     timestamptz NULL,
    UNIQUE (source, message_id)
);

CREATE INDEX inbox_pending ON inbox (id) WHERE status = 'pending';
CREATE INDEX inbox_conversation_pending ON inbox (conversation_key, id) WHERE status = 'pending';

CREATE TABLE credentials (
    name       text PRIMARY KEY,
    value      text NOT NULL,                 -- encrypted
    expires_at timestamptz NULL,
    version    integer NOT NULL,
    updated_at timestamptz NOT NULL
);
