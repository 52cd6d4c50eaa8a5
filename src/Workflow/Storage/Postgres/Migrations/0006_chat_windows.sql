-- When each citizen last wrote on a platform that limits how long a business may write back (Messenger 24 hours, Zalo
-- 7 days), and when they were last reminded that answering keeps them informed.
CREATE TABLE chat_windows (
    channel             text NOT NULL,
    user_id             text NOT NULL,
    last_interaction_at timestamptz NOT NULL,
    reminded_at         timestamptz NULL,
    PRIMARY KEY (channel, user_id)
);

CREATE INDEX chat_windows_last ON chat_windows (channel, last_interaction_at);
