package io.consentgateway.adapter.out.persistence.crypto;

/**
 * A stored secret could not be decrypted: its key id is not configured, it is not in a known format, or its
 * authentication tag does not verify (the value was altered, or copied from another row or column). The
 * adapter fails closed: it never returns a value it could not authenticate.
 *
 * <p>The message names where the value was stored (table, column, row id) and why it failed; it never
 * contains the ciphertext, the clear text or any key.
 */
public final class StoredSecretUnreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SecretColumn.Location location;

    StoredSecretUnreadable(SecretColumn.Location location, String reason) {
        super("cannot read the secret stored in " + location + ": " + reason);
        this.location = location;
    }

    /** Where the unreadable value is stored. */
    public SecretColumn.Location location() {
        return location;
    }
}
