package io.consentgateway.adapter.out.persistence.payload;

/**
 * A payload decrypted but could not be read: written by another version of the code, or by a fault. The message says
 * why, never what the payload holds.
 */
public final class UnreadablePayload extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UnreadablePayload(String reason) {
        super("a stored payload cannot be read: " + reason);
    }
}
