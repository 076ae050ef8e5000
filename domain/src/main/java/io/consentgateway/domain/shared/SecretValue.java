package io.consentgateway.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A value that must never be printed: its {@link #toString()} is {@code ***}, so it can be passed to a
 * logger, an exception or a record's {@code toString()} without leaking. The clear text is reached only
 * through {@link #reveal()}, which makes every use of the secret visible in the code. Equality compares in
 * constant time.
 */
public abstract class SecretValue {
    private final String value;

    protected SecretValue(String value, String name) {
        this.value = Require.nonBlank(value, name);
    }

    /** The clear text, for the one place that must send or store it. */
    public final String reveal() {
        return value;
    }

    public final int length() {
        return value.length();
    }

    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                ((SecretValue) other).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[***]";
    }
}
