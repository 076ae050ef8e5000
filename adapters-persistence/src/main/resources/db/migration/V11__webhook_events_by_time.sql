-- Consent Gateway schema, version 11: the webhook events in time order. The retention pass reads the oldest events
-- first, and only those older than its cut-off (an event occurs before any attempt to deliver it), instead of every
-- event at every pass; the operators' list of deliveries, newest event first, can walk it backwards. Same rules as
-- version 1: only SQL that PostgreSQL and H2 (in PostgreSQL mode) both run. IF NOT EXISTS: an operator with a large
-- outbox may build the index beforehand without blocking writes (CREATE INDEX CONCURRENTLY, docs/operations/database.md).
CREATE INDEX IF NOT EXISTS webhook_events_occurred_idx ON webhook_events (occurred_at);
