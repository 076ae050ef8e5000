-- Consent Gateway schema, version 3: how a consent ends, and what it keeps when it has.
--
-- * refresh_in_doubt_since: a refresh reached the provider and its answer never came back (a read timeout, a crash
--   before the commit). The refresh token may have been spent; the next attempt settles it. NULL: nothing in doubt.
-- * reauthorization_reason: why a consent requires re-authorization (REFRESH_REJECTED, REFRESH_LOST); set exactly
--   when status is REAUTH_REQUIRED.
-- * Tokens are kept while the consent can be used or renewed in place (ACTIVE, EXPIRING_SOON, REAUTH_REQUIRED) and
--   destroyed when it ends (EXPIRED, REVOKED). Rows that expired under version 2 still hold theirs: destroyed here.
--   A REAUTH_REQUIRED row is looked at again at its end (next_check_at = expires_at), when it expires.
-- Same rules as version 1: only SQL that PostgreSQL and H2 (PostgreSQL mode) both understand.

ALTER TABLE consents ADD COLUMN refresh_in_doubt_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE consents ADD COLUMN reauthorization_reason VARCHAR(32);

UPDATE consents SET reauthorization_reason = 'REFRESH_REJECTED', next_check_at = expires_at
 WHERE status = 'REAUTH_REQUIRED';

ALTER TABLE consents DROP CONSTRAINT consents_tokens_ck;

UPDATE consents SET access_token_enc = NULL, refresh_token_enc = NULL, token_type = NULL, scope = NULL,
       tokens_issued_at = NULL, access_expires_at = NULL, refresh_issued_at = NULL, refresh_expires_at = NULL
 WHERE status = 'EXPIRED';
ALTER TABLE consents ADD CONSTRAINT consents_tokens_ck
    CHECK ((status IN ('EXPIRED', 'REVOKED')) = (access_token_enc IS NULL));
ALTER TABLE consents ADD CONSTRAINT consents_reauthorization_reason_ck
    CHECK ((status = 'REAUTH_REQUIRED') = (reauthorization_reason IS NOT NULL));
ALTER TABLE consents ADD CONSTRAINT consents_refresh_in_doubt_ck
    CHECK (refresh_in_doubt_since IS NULL OR status IN ('ACTIVE', 'EXPIRING_SOON'));
