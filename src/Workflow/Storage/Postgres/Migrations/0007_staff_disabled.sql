-- An administrator disables the account of someone who left or changed job: their tokens stop working at once.
ALTER TABLE staff_users ADD COLUMN disabled_at timestamptz NULL;
