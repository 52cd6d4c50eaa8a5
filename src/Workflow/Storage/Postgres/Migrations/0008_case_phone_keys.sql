-- Staff find a citizen's cases by phone number (POST /api/v1/cases/by-phone, the number in the body): each case keeps a keyed digest of the sender's
-- number and, sent on someone's behalf, of theirs (IPersonalDataProtector.LookupKey), never the number. '' when there is
-- none; NULL until PhoneKeyBackfill fills in the rows written before this migration.
ALTER TABLE cases ADD COLUMN citizen_phone_key text NULL;
ALTER TABLE cases ADD COLUMN proxy_phone_key text NULL;
CREATE INDEX cases_citizen_phone_key ON cases (citizen_phone_key);
CREATE INDEX cases_proxy_phone_key ON cases (proxy_phone_key) WHERE proxy_phone_key IS NOT NULL;
