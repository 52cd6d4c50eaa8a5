-- 0002: the staff case list over many cases (the same shape as PostgreSQL's 0002).

-- A handler's scope carries what the list filters and orders it by, so a scoped page and its count are one range of one
-- index of case_agencies. The repository rewrites a case's scope rows on every write of the case.
-- (SQLite cannot add a NOT NULL column without a default; the repository always writes them.)
ALTER TABLE case_agencies ADD COLUMN state TEXT NULL;
ALTER TABLE case_agencies ADD COLUMN category TEXT NULL;
ALTER TABLE case_agencies ADD COLUMN staff_due_by TEXT NULL;

UPDATE case_agencies
SET state = c.state, category = c.category, staff_due_by = c.staff_due_by
FROM cases c
WHERE c.id = case_agencies.case_id;

DROP INDEX case_agencies_agency_submitted;
CREATE INDEX case_agencies_scope ON case_agencies (agency_code, submitted_at DESC, case_id DESC);
CREATE INDEX case_agencies_scope_state ON case_agencies (agency_code, state, submitted_at DESC, case_id DESC);
CREATE INDEX case_agencies_scope_category ON case_agencies (agency_code, category, submitted_at DESC, case_id DESC);
CREATE INDEX case_agencies_scope_due ON case_agencies (agency_code, staff_due_by) WHERE staff_due_by IS NOT NULL;

-- q is accent-insensitive: search_text is lower case without diacritics, đ → d (AccentFolding.Fold). Rows written before
-- hold the lower-cased content; the Vietnamese and Latin-1 letters are folded here (SQLite has no translate(), and
-- its parser takes a few nested calls at a time), anything rarer on the next write.
UPDATE cases SET search_text = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_text, 'à', 'a'), 'á', 'a'), 'â', 'a'), 'ã', 'a'), 'ä', 'a'), 'å', 'a'), 'ç', 'c'), 'è', 'e'), 'é', 'e'), 'ê', 'e');
UPDATE cases SET search_text = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_text, 'ë', 'e'), 'ì', 'i'), 'í', 'i'), 'î', 'i'), 'ï', 'i'), 'ñ', 'n'), 'ò', 'o'), 'ó', 'o'), 'ô', 'o'), 'õ', 'o');
UPDATE cases SET search_text = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_text, 'ö', 'o'), 'ù', 'u'), 'ú', 'u'), 'û', 'u'), 'ü', 'u'), 'ý', 'y'), 'ÿ', 'y'), 'ạ', 'a'), 'ả', 'a'), 'ấ', 'a');
UPDATE cases SET search_text = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_text, 'ầ', 'a'), 'ẩ', 'a'), 'ẫ', 'a'), 'ậ', 'a'), 'ắ', 'a'), 'ằ', 'a'), 'ẳ', 'a'), 'ẵ', 'a'), 'ặ', 'a'), 'ẹ', 'e');
UPDATE cases SET search_text = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_text, 'ẻ', 'e'), 'ẽ', 'e'), 'ế', 'e'), 'ề', 'e'), 'ể', 'e'), 'ễ', 'e'), 'ệ', 'e'), 'ỉ', 'i'), 'ị', 'i'), 'ọ', 'o');
UPDATE cases SET search_text = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_text, 'ỏ', 'o'), 'ố', 'o'), 'ồ', 'o'), 'ổ', 'o'), 'ỗ', 'o'), 'ộ', 'o'), 'ớ', 'o'), 'ờ', 'o'), 'ở', 'o'), 'ỡ', 'o');
UPDATE cases SET search_text = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_text, 'ợ', 'o'), 'ụ', 'u'), 'ủ', 'u'), 'ứ', 'u'), 'ừ', 'u'), 'ử', 'u'), 'ữ', 'u'), 'ự', 'u'), 'ỳ', 'y'), 'ỵ', 'y');
UPDATE cases SET search_text = replace(replace(replace(replace(replace(replace(replace(replace(search_text, 'ỷ', 'y'), 'ỹ', 'y'), 'ă', 'a'), 'đ', 'd'), 'ĩ', 'i'), 'ũ', 'u'), 'ơ', 'o'), 'ư', 'u');

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
CREATE INDEX cases_open_submitted ON cases (submitted_at DESC, id DESC, staff_due_by) WHERE staff_due_by IS NOT NULL;

-- Quarterly statistics read every case of the period: from the index alone, not from a million scattered rows.
CREATE INDEX cases_report_cover ON cases (submitted_on, report_agency, state, accepted_at, started_on, resolved_on, answer_due_by, staff_due_by, rebutted_at, rating);
DROP INDEX cases_report;
