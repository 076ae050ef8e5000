-- Consent Gateway schema, version 5: a claim lease names the node that holds it.
--
-- claimDue writes the claiming node's name with the lease; a save releases the lease only when that node (or nobody)
-- holds it, so a user's read on another node no longer frees a consent a scheduler is working on. Leases taken before
-- this version name nobody and are released by any save, as before.
-- Same rules as version 1: only SQL that PostgreSQL and H2 (PostgreSQL mode) both understand.

ALTER TABLE consents ADD COLUMN lease_holder VARCHAR(64);
