-- Consent Gateway schema, version 10: a user's flows found by the user. Counted before each start (at most
-- cg.flows.max-waiting-per-user flows wait for one user at once) and deleted with the user (erasure). Same rules as
-- version 1: only SQL that PostgreSQL and H2 (in PostgreSQL mode) both run.
CREATE INDEX flows_user_id_status_idx ON flows (user_id, status);
