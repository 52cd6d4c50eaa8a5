-- 0002: the staff case list over a million cases (bench/CaseList).
-- After applying it to a large database, run VACUUM ANALYZE (index-only scans need the visibility map).

-- A handler's scope carries what the list filters and orders it by, so a scoped page and its count are one range of one
-- index of case_agencies. The repository rewrites a case's scope rows on every write of the case.
ALTER TABLE case_agencies
    ADD COLUMN state        text NULL,
    ADD COLUMN category     text NULL,
    ADD COLUMN staff_due_by date NULL;

UPDATE case_agencies ca
SET state = c.state, category = c.category, staff_due_by = c.staff_due_by
FROM cases c
WHERE c.id = ca.case_id;

ALTER TABLE case_agencies
    ALTER COLUMN state SET NOT NULL,
    ALTER COLUMN category SET NOT NULL;

DROP INDEX case_agencies_agency_submitted;
CREATE INDEX case_agencies_scope ON case_agencies (agency_code, submitted_at DESC, case_id DESC) INCLUDE (state, category, staff_due_by);
CREATE INDEX case_agencies_scope_state ON case_agencies (agency_code, state, submitted_at DESC, case_id DESC);
CREATE INDEX case_agencies_scope_category ON case_agencies (agency_code, category, submitted_at DESC, case_id DESC);
CREATE INDEX case_agencies_scope_due ON case_agencies (agency_code, staff_due_by) WHERE staff_due_by IS NOT NULL;

-- q is accent-insensitive: search_text is lower case without diacritics, đ → d (AccentFolding.Fold). Rows written before
-- hold the lower-cased content; the Vietnamese and Latin-1 letters are folded here, anything rarer on the next write.
DROP INDEX cases_search_trgm;
UPDATE cases
SET search_text = translate(search_text,
    'àáâãäåçèéêëìíîïñòóôõöùúûüýÿạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹăđĩũơư',
    'aaaaaaceeeeiiiinooooouuuuyyaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyyadiuou')
WHERE search_text ~ '[^\x01-\x7f]';
CREATE INDEX cases_search_trgm ON cases USING gin (search_text gin_trgm_ops);

-- The public list: published cases, newest publication first, in the order the page reads them.
CREATE INDEX cases_public ON cases (published_at DESC, id DESC)
    WHERE published_at IS NOT NULL AND state IN ('published', 'rebutted', 'completed');
CREATE INDEX cases_public_category ON cases (category, published_at DESC, id DESC)
    WHERE published_at IS NOT NULL AND state IN ('published', 'rebutted', 'completed');
CREATE INDEX cases_category_order ON cases (category, submitted_at DESC, id DESC);
DROP INDEX cases_category_submitted;
-- Read by no query since the list reads scope from case_agencies and the public list from cases_public.
DROP INDEX cases_published;
DROP INDEX cases_handling_submitted;

-- The supervisor's overdue list: the newest open cases are not late yet, so the page passes over them in the index.
CREATE INDEX cases_open_submitted ON cases (submitted_at DESC, id DESC) INCLUDE (staff_due_by) WHERE staff_due_by IS NOT NULL;

-- Quarterly statistics read every case of the period: from the index alone, not from a million scattered rows.
CREATE INDEX cases_report_cover ON cases (submitted_on, report_agency) INCLUDE (state, accepted_at, started_on, resolved_on, answer_due_by, staff_due_by, rebutted_at, rating);
DROP INDEX cases_report;
