-- Consent Gateway schema, version 8: the account data store (AccountDataStore).
--
-- What the gateway keeps of a consent's data between syncs: its accounts, its transactions, an income report, and the
-- bookkeeping of its syncs. Same rules as version 1: only SQL that PostgreSQL and H2 (PostgreSQL mode) both understand.
--
-- * Every payload (an account, a transaction, an income report) is stored only encrypted, in a TEXT column *_enc bound
--   to its row (AES-256-GCM, format v1.<keyId>.<base64url>). In clear are only what paging, syncing and retention need:
--   the consent, the provider's account and transaction ids, dates, the booked flag, counts and times.
-- * account_key and transaction_key hold the provider's ids as their UTF-16 code units, two bytes each, big-endian
--   (SortableId in the adapter). Compared as bytes, they compare exactly as Java's String.compareTo, which the port
--   promises, on both databases and whatever the collation: COLLATE "C" would compare code points (an emoji would sort
--   after U+FF21, not before), H2 accepts no collation on a column, and a PostgreSQL TEXT cannot hold U+0000.
-- * sort_day is minus the day number (epoch day) of the transaction's date (its booking date, else its value date), so
--   ascending is newest first; an undated transaction holds the largest BIGINT, 9223372036854775807, and comes last.
--   With every column of the page indexes ascending, a page starts with one row-value comparison
--   (sort_day, account_key, transaction_key) > (...), which both databases use as an index range: a page costs the
--   page, not the history.
-- * No foreign keys, to consents or between these tables: the adapter deletes a consent's rows in all four tables
--   together (AccountDataStore.delete and deleteRetentionEnded); deleting a consent (Consents.delete) leaves its data to
--   the application, which deletes it explicitly.

-- One row per consent with anything stored: created by the first claim, run or background-sync record.
CREATE TABLE consent_data (
    consent_id           UUID                     NOT NULL,
    synced_at            TIMESTAMP WITH TIME ZONE,          -- the last stored run; NULL before the first
    last_attempt_at      TIMESTAMP WITH TIME ZONE,          -- the last successful claim of the sync lease
    retain_until         TIMESTAMP WITH TIME ZONE,          -- when the data is deleted; NULL: kept
    sync_lease_until     TIMESTAMP WITH TIME ZONE,          -- a sync holds the lease until then; NULL: nobody
    transaction_count    BIGINT                   DEFAULT 0 NOT NULL,  -- kept up to date by every run
    latest_booking_date  DATE,                              -- likewise: MAX(booking_date) of the transactions
    income_report_enc    TEXT,
    CONSTRAINT consent_data_pk PRIMARY KEY (consent_id),
    CONSTRAINT consent_data_transaction_count_ck CHECK (transaction_count >= 0)
);

-- dueForBackgroundSync walks the oldest syncs first (never synced before all, ties by consent, so the index gives the
-- whole order and no sort is needed); deleteRetentionEnded the ended ones.
CREATE INDEX consent_data_synced_at_idx ON consent_data (synced_at NULLS FIRST, consent_id);
CREATE INDEX consent_data_retain_until_idx ON consent_data (retain_until);

-- The syncs the user did not ask for (the PSD2 access budget), one row each; the old ones are deleted as new ones come.
CREATE TABLE background_syncs (
    consent_id  UUID                     NOT NULL,
    synced_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX background_syncs_consent_idx ON background_syncs (consent_id, synced_at);

-- A consent's accounts as the last run read them: every run replaces them all.
CREATE TABLE stored_accounts (
    consent_id   UUID  NOT NULL,
    account_key  BYTEA NOT NULL,
    payload_enc  TEXT  NOT NULL,
    CONSTRAINT stored_accounts_pk PRIMARY KEY (consent_id, account_key)
);

-- A consent's transactions: a run inserts or replaces them by (account, id) and removes pending ones it no longer carries.
CREATE TABLE stored_transactions (
    consent_id       UUID    NOT NULL,
    account_key      BYTEA   NOT NULL,
    transaction_key  BYTEA   NOT NULL,
    sort_day         BIGINT  NOT NULL,
    booking_date     DATE,
    booked           BOOLEAN NOT NULL,
    payload_enc      TEXT    NOT NULL,
    CONSTRAINT stored_transactions_pk PRIMARY KEY (consent_id, account_key, transaction_key)
);

-- The pages: of all accounts, and of one account.
CREATE INDEX stored_transactions_page_idx ON stored_transactions (consent_id, sort_day, account_key, transaction_key);
CREATE INDEX stored_transactions_account_page_idx
    ON stored_transactions (consent_id, account_key, sort_day, transaction_key);
