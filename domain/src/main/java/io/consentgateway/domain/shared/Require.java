package io.consentgateway.domain.shared;

import java.util.Objects;

/** Small argument checks shared by the value objects. */
public final class Require {
    private Require() {
    }

    public static <T> T nonNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is required");
    }

    public static String nonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(name + " is required");
        }
        return value;
    }

    public static String maxLength(String value, int max, String name) {
        if (value.length() > max) {
            throw new InvalidValueException(name + " must be at most " + max + " characters, was " + value.length());
        }
        return value;
    }

    /** Printable text: no control characters (protects logs and headers from injection). */
    public static String printable(String value, String name) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidValueException(name + " must not contain control characters");
            }
        }
        return value;
    }
}
