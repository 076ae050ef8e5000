-- Consent Gateway schema, version 2: a flow's provider-specific options in one column.
--
-- Version 1 had a column for each of nrich's own flow options. Options that only one provider understands now
-- belong to that provider's adapter; the gateway stores them without reading them, as one TEXT column in the
-- form codec name=value&name=value (names and values percent-encoded, as application/x-www-form-urlencoded;
-- a list value is its items joined by a line feed, %0A). Existing rows keep their options under the names the
-- nrich adapter uses. Same rules as version 1: only SQL that PostgreSQL and H2 (PostgreSQL mode) both understand.

ALTER TABLE flows ADD COLUMN provider_options TEXT DEFAULT '' NOT NULL;

-- account_types already holds URL-encoded items joined by ','; tracking_id and bank_id are clear text, so the
-- characters the codec gives a meaning ('%', '&', '=', '+') are escaped first.
UPDATE flows SET provider_options = COALESCE(CONCAT_WS('&',
    CASE WHEN account_types <> '' THEN 'accountTypes=' || REPLACE(account_types, ',', '%0A') END,
    CASE WHEN NOT allow_multi_selection THEN 'allowMultiSelection=false' END,
    CASE WHEN bank_id IS NOT NULL
         THEN 'providerId=' || REPLACE(REPLACE(REPLACE(REPLACE(bank_id, '%', '%25'), '&', '%26'), '=', '%3D'), '+', '%2B') END,
    CASE WHEN save_secrets THEN 'saveSecrets=true' END,
    CASE WHEN tracking_id IS NOT NULL
         THEN 'trackingId=' || REPLACE(REPLACE(REPLACE(REPLACE(tracking_id, '%', '%25'), '&', '%26'), '=', '%3D'), '+', '%2B') END
), '');

ALTER TABLE flows DROP COLUMN account_types;
ALTER TABLE flows DROP COLUMN allow_multi_selection;
ALTER TABLE flows DROP COLUMN tracking_id;
ALTER TABLE flows DROP COLUMN bank_id;
ALTER TABLE flows DROP COLUMN save_secrets;
