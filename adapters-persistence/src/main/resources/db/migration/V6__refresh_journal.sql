-- Consent Gateway schema, version 6: the refresh journal.
--
-- Before a refresh token is sent, a row is committed here in a transaction of its own; the transaction that stores the
-- refresh's outcome deletes it. A row that outlives its transaction means the node died with the refresh in flight:
-- the next attempt records the refresh as in doubt instead of trusting a refresh token the provider may have rotated.
-- No foreign key on purpose: the row is written while the same node holds the consent's row lock (SELECT ... FOR
-- UPDATE), and a foreign key check would wait for that lock. Same rules as version 1: only SQL that PostgreSQL and H2
-- (PostgreSQL mode) both understand.

CREATE TABLE refresh_journal (
    consent_id UUID                     NOT NULL PRIMARY KEY,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    node       VARCHAR(64)
);

CREATE INDEX refresh_journal_sent_at_idx ON refresh_journal (sent_at);
