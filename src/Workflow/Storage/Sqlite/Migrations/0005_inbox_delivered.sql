-- How many of a webhook turn's reply messages the platform has taken: a message handed out again after a crash sends
-- only the rest.
ALTER TABLE inbox ADD COLUMN delivered integer NOT NULL DEFAULT 0;
