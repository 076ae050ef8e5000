package io.consentgateway.adapter.kit;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads an adapter's MicroProfile Config values, failing with the key's name (never the value, which may be a secret
 * or a URL with user information) so that a bad setting stops the deployment with a message an operator can act on.
 */
public final class ConfigValues {

    /** The deployment: {@code production} (set by the production server's configuration) or {@code demo}. */
    public static final String DEPLOYMENT = "cg.deployment";

    private ConfigValues() {
    }

    /**
     * In a production deployment ({@value #DEPLOYMENT}{@code =production}), refuses a setting that holds the demo value
     * (set so, or left at a default that points at the bundled sandbox and its demo client), naming the key.
     *
     * @param effective the value the adapter would use: the configured one or its default
     */
    public static void refuseDemoValueInProduction(Function<String, Optional<String>> lookup, String key, String effective,
                                                   String demoValue) {
        refuseDemoValueInProduction(production(lookup.apply(DEPLOYMENT)), key, effective, demoValue);
    }

    /** Whether {@value #DEPLOYMENT} (e.g. injected as {@code Optional<String>}) says {@code production}, in any case. */
    public static boolean production(Optional<String> deployment) {
        return deployment.map(String::strip).filter("production"::equalsIgnoreCase).isPresent();
    }

    /**
     * The same refusal for an adapter that has its settings bound ({@code @ConfigProperties}) and knows whether the
     * deployment is a production one ({@link #production}).
     */
    public static void refuseDemoValueInProduction(boolean production, String key, String effective, String demoValue) {
        if (production && demoValue.equals(effective)) {
            throw new IllegalArgumentException("configuration key " + key + " holds the demo value, which a production "
                    + "deployment (" + DEPLOYMENT + "=production) refuses: set it to your own");
        }
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

    /** A bound setting's text: a blank value counts as absent, and surrounding blanks are no part of a value. */
    public static Optional<String> text(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A URL setting; a malformed one names its key, never the value (a URL may carry user information). */
    public static URI url(String value, String key) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("configuration key " + key + " is not a valid URL");
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
