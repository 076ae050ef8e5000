-- Consent Gateway schema, version 1: flows and consents.
--
-- One script for PostgreSQL (production) and H2 in PostgreSQL mode (embedded default):
-- only types and statements both understand (UUID, TEXT, VARCHAR, BOOLEAN, INTEGER, BIGINT,
-- TIMESTAMP WITH TIME ZONE, plain B-tree indexes). Rules:
--   * secrets (state, PKCE verifier, access and refresh tokens) are stored only encrypted
--     (AES-256-GCM, format v1.<keyId>.<base64url>) in TEXT columns named *_enc: never a fixed size;
--   * every aggregate row carries an optimistic "version" (1 after the first save);
--   * every instant is TIMESTAMP WITH TIME ZONE (microsecond precision), written in UTC.

CREATE TABLE flows (
    id                       UUID                     NOT NULL,
    user_id                  VARCHAR(128)             NOT NULL,
    provider                 VARCHAR(32)              NOT NULL,
    kind                     VARCHAR(32)              NOT NULL,
    -- SHA-256 (hex) of the callback state: the lookup key of findByState. The state itself has at
    -- least 128 random bits, so its hash cannot be reversed by guessing; the clear value lives only
    -- encrypted in state_enc (bound to this row).
    state_hash               CHAR(64)                 NOT NULL,
    state_enc                TEXT                     NOT NULL,
    redirect_uri             TEXT                     NOT NULL,
    -- FlowOptions
    language                 VARCHAR(8)               NOT NULL,
    accounts                 TEXT                     NOT NULL, -- list codec: URL-encoded items joined by ',' ('' = empty list)
    account_types            TEXT                     NOT NULL, -- same codec
    allow_multi_selection    BOOLEAN                  NOT NULL,
    sync_period_days         INTEGER,
    reporting_period_months  INTEGER,
    tracking_id              VARCHAR(128),
    bank_id                  VARCHAR(128),
    save_secrets             BOOLEAN                  NOT NULL,
    -- the rest of the flow
    return_to                TEXT,
    renewal_of               UUID,
    provider_flow_id         TEXT,
    widget_url               TEXT                     NOT NULL,
    pkce_verifier_enc        TEXT,
    status                   VARCHAR(16)              NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    code_received_at         TIMESTAMP WITH TIME ZONE,
    code_expires_at          TIMESTAMP WITH TIME ZONE,
    ended_at                 TIMESTAMP WITH TIME ZONE,
    consent_id               UUID,
    failure                  VARCHAR(32),
    version                  BIGINT                   NOT NULL,
    CONSTRAINT flows_pk PRIMARY KEY (id),
    CONSTRAINT flows_state_hash_uk UNIQUE (state_hash),
    CONSTRAINT flows_version_ck CHECK (version >= 1)
);

-- findLapsed: "AWAITING_USER and expires_at <= now" and "EXCHANGING and code_expires_at <= now" are
-- each a range scan of one of these (PostgreSQL combines them with a BitmapOr).
CREATE INDEX flows_status_expires_at_idx ON flows (status, expires_at);
CREATE INDEX flows_status_code_expires_at_idx ON flows (status, code_expires_at);

CREATE TABLE consents (
    id                        UUID                     NOT NULL,
    user_id                   VARCHAR(128)             NOT NULL,
    provider                  VARCHAR(32)              NOT NULL,
    kind                      VARCHAR(32)              NOT NULL,
    provider_flow_id          TEXT,
    status                    VARCHAR(16)              NOT NULL,
    -- the token pair: all NULL once the consent is revoked (the tokens are destroyed)
    access_token_enc          TEXT,
    refresh_token_enc         TEXT,
    token_type                TEXT,
    scope                     TEXT,
    tokens_issued_at          TIMESTAMP WITH TIME ZONE,
    access_expires_at         TIMESTAMP WITH TIME ZONE,
    refresh_issued_at         TIMESTAMP WITH TIME ZONE,
    refresh_expires_at        TIMESTAMP WITH TIME ZONE,
    -- lifecycle
    granted_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    last_user_activity_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_refreshed_at         TIMESTAMP WITH TIME ZONE,
    provider_consent_ends_at  TIMESTAMP WITH TIME ZONE,
    expires_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    -- when the scheduler must look at the consent next (NULL: never again)
    next_check_at             TIMESTAMP WITH TIME ZONE,
    -- a scheduler node claimed the consent until then (claimDue); every save clears it
    lease_until               TIMESTAMP WITH TIME ZONE,
    version                   BIGINT                   NOT NULL,
    CONSTRAINT consents_pk PRIMARY KEY (id),
    CONSTRAINT consents_version_ck CHECK (version >= 1),
    CONSTRAINT consents_tokens_ck CHECK ((status = 'REVOKED') = (access_token_enc IS NULL))
);

-- findByUser, newest first.
CREATE INDEX consents_user_granted_at_idx ON consents (user_id, granted_at DESC);
-- claimDue: the due consents are the first entries of this index, so a claim costs what is due,
-- not what is stored (NULLs, i.e. never due, sort last and are never visited).
CREATE INDEX consents_next_check_at_idx ON consents (next_check_at);
