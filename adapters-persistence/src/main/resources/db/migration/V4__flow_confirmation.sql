-- Consent Gateway schema, version 4: flows completed by confirmation (RFC 9700 §4.7.1).
--
-- * completion: REDIRECT (the callback exchanges the code at once) or CONFIRM (the callback holds the code until the
--   user who started the flow confirms it with the confirmation code the callback handed to the browser). Fixed when
--   the flow starts; flows stored before this version completed by redirect.
-- * code_enc, confirmation_enc: the held code and the confirmation code, only encrypted (same format as the other
--   *_enc columns, bound to the row), present exactly while the flow is AWAITING_CONFIRMATION.
-- * status grows a value longer than 16 characters (AWAITING_CONFIRMATION).
-- Same rules as version 1: only SQL that PostgreSQL and H2 (PostgreSQL mode) both understand.

ALTER TABLE flows ADD COLUMN completion VARCHAR(16) DEFAULT 'REDIRECT' NOT NULL;
ALTER TABLE flows ADD COLUMN code_enc TEXT;
ALTER TABLE flows ADD COLUMN confirmation_enc TEXT;
ALTER TABLE flows ALTER COLUMN status SET DATA TYPE VARCHAR(32);

ALTER TABLE flows ADD CONSTRAINT flows_held_code_ck
    CHECK ((status = 'AWAITING_CONFIRMATION') = (code_enc IS NOT NULL AND confirmation_enc IS NOT NULL));
