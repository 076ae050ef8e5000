-- Consent Gateway schema, version 9: the transactional outbox of the webhook events (EventOutbox).
--
-- An event row is inserted in the same transaction as the change that causes it, with one delivery row per endpoint;
-- the dispatcher claims due deliveries with a lease (FOR UPDATE SKIP LOCKED on PostgreSQL), so several nodes share
-- the work and a node that dies lets its claims come due again. Same rules as version 1: only SQL that PostgreSQL and
-- H2 (PostgreSQL mode) both understand.
--
-- * The event holds what its body says, in clear: ids, type, time, provider, status and reason codes; never a token,
--   a code, an account number or a transaction. The body is built from these columns, the same on every attempt.
-- * user_id is there for the erasure of a user (EventOutbox.deleteByUser), which deletes the user's events.

CREATE TABLE webhook_events (
    id            UUID                     NOT NULL,
    type          VARCHAR(40)              NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id       VARCHAR(128)             NOT NULL,
    provider      VARCHAR(32)              NOT NULL,
    consent_id    UUID,
    flow_id       UUID,
    status        VARCHAR(40)              NOT NULL,
    reason        VARCHAR(64),
    CONSTRAINT webhook_events_pk PRIMARY KEY (id)
);

CREATE INDEX webhook_events_user_idx ON webhook_events (user_id);

CREATE TABLE webhook_deliveries (
    id               UUID                     NOT NULL,
    event_id         UUID                     NOT NULL,
    endpoint         VARCHAR(64)              NOT NULL,
    status           VARCHAR(12)              NOT NULL,  -- PENDING, DELIVERED, FAILED
    attempts         INTEGER                  DEFAULT 0 NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,           -- set while PENDING
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(300),
    delivered_at     TIMESTAMP WITH TIME ZONE,
    lease_until      TIMESTAMP WITH TIME ZONE,           -- a dispatcher holds the claim until then
    lease_holder     VARCHAR(64),
    CONSTRAINT webhook_deliveries_pk PRIMARY KEY (id),
    CONSTRAINT webhook_deliveries_event_fk FOREIGN KEY (event_id) REFERENCES webhook_events (id) ON DELETE CASCADE
);

-- The dispatcher's question: the due deliveries of an endpoint, earliest first.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (endpoint, status, next_attempt_at);
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id);
