package io.consentgateway.adapter.kit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads an adapter's MicroProfile Config values, failing with the key's name (never the value, which may be a secret
 * or a URL with user information) so that a bad setting stops the deployment with a message an operator can act on.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    public static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("configuration key " + key + " is required");
        }
    }

    public static void requirePositive(Duration value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("configuration key " + key + " is required");
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("configuration key " + key + " must be a positive duration");
        }
    }

    /** An ISO-8601 duration ({@code PT5S}, any case) or plain milliseconds. */
    public static Duration duration(String value, String key) {
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Duration.ofMillis(Long.parseLong(value));
            }
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("configuration key " + key
                    + " must be an ISO-8601 duration (PT5S) or milliseconds");
        }
    }

    public static int integer(String value, String key) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key " + key + " must be a whole number");
        }
    }

    public static long longValue(String value, String key) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key " + key + " must be a whole number");
        }
    }

    public static boolean bool(String value, String key) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("configuration key " + key + " must be true or false");
        };
    }

    /** A constant of {@code type} by name, in any case. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key " + key + " must be one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
