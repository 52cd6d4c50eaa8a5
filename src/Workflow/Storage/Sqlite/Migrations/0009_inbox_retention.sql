-- A handled webhook event keeps only what recognises a re-delivery (source, message_id): its payload (what the citizen
-- typed) is dropped when it is done, and InboxRetention deletes the row once Inbox:SeenRetention has passed, as the Redis
-- inbox lets its keys expire. Rows handled before this migration lose their payload now. Readiness counts the events set
-- aside on every probe: from their own index, not by reading the table.
UPDATE inbox SET payload = '' WHERE status = 'done';
CREATE INDEX inbox_done ON inbox (completed_at) WHERE status = 'done';
CREATE INDEX inbox_set_aside ON inbox (id) WHERE status = 'set_aside';
