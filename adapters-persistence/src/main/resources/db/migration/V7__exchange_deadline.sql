-- Consent Gateway schema, version 7: an exchange has a deadline.
--
-- A flow is stored EXCHANGING before its code goes to the provider. If the node dies during the exchange, the flow used
-- to stay EXCHANGING until the code's lifetime (an hour) passed. Now the exchange is given the policy's exchange
-- timeout (cg.policy.exchange-timeout, 2 minutes), longer than any exchange can take; findLapsed then fails the flow as
-- EXCHANGE_INTERRUPTED (the code is never presented again: it may have been spent).
-- Flows that are EXCHANGING during the upgrade keep their old bound, the code's expiry.
-- Same rules as version 1: only SQL that PostgreSQL and H2 (PostgreSQL mode) both understand.

ALTER TABLE flows ADD COLUMN exchange_deadline TIMESTAMP WITH TIME ZONE;

UPDATE flows SET exchange_deadline = code_expires_at WHERE status = 'EXCHANGING';

ALTER TABLE flows ADD CONSTRAINT flows_exchange_deadline_ck
    CHECK (status <> 'EXCHANGING' OR exchange_deadline IS NOT NULL);

CREATE INDEX flows_status_exchange_deadline_idx ON flows (status, exchange_deadline);
