package io.consentgateway.domain.shared;

import java.util.Objects;
import java.util.Optional;

/** Small argument checks shared by the value objects. */
public final class Require {
    private Require() {
    }

    public static <T> T nonNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is required");
    }

    /**
     * The optional components of a value: each is present or {@link Optional#empty()}, never {@code null}. Checked
     * together, so that a constructor names its required components one by one and its optional ones in one line; a
     * {@code null} one is a programming error, named by its place in the list.
     *
     * @param of what the values belong to, e.g. {@code "account"}
     */
    public static void optionals(String of, Optional<?>... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException("optional value " + (i + 1) + " of " + of
                        + " is null (an absent one is Optional.empty())");
            }
        }
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
