package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Require;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Options of a flow that only its provider understands (nrich's tracking id or pre-selected bank, for example),
 * already checked by that provider's adapter. The core stores and returns them without reading them: to the
 * domain they are names with text values. Adapters keep flags as {@code true}/{@code false} and lists through
 * {@link #withTexts}/{@link #texts}.
 */
public record ProviderOptions(SortedMap<String, String> values) {
    public static final ProviderOptions NONE = new ProviderOptions(new TreeMap<>());
    public static final int MAX_OPTIONS = 32;
    public static final int MAX_VALUE_LENGTH = 4_096;
    private static final char LIST_SEPARATOR = '\n';

    public ProviderOptions {
        Require.nonNull(values, "provider options");
        if (values.size() > MAX_OPTIONS) {
            throw new InvalidValueException("at most " + MAX_OPTIONS + " provider options");
        }
        values.forEach((name, value) -> {
            Require.nonNull(value, "provider option " + name);
            if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                throw new InvalidValueException("a provider option name is a letter then letters, digits or '_' (at most 64)");
            }
            Require.maxLength(value, MAX_VALUE_LENGTH, "provider option " + name);
        });
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public static ProviderOptions of(Map<String, String> values) {
        return new ProviderOptions(new TreeMap<>(values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<Boolean> flag(String name) {
        return text(name).map(Boolean::parseBoolean);
    }

    /** A list option; empty when absent. */
    public List<String> texts(String name) {
        return text(name).filter(v -> !v.isEmpty())
                .map(v -> Arrays.asList(v.split(String.valueOf(LIST_SEPARATOR), -1))).map(List::copyOf).orElse(List.of());
    }

    public ProviderOptions with(String name, String value) {
        TreeMap<String, String> next = new TreeMap<>(values);
        next.put(name, value);
        return new ProviderOptions(next);
    }

    public ProviderOptions withFlag(String name, boolean value) {
        return with(name, Boolean.toString(value));
    }

    /** A list of printable texts (each without control characters, so the list survives storage). */
    public ProviderOptions withTexts(String name, List<String> items) {
        items.forEach(item -> Require.printable(item, "provider option " + name));
        return with(name, String.join(String.valueOf(LIST_SEPARATOR), items));
    }

    @Override
    public String toString() {
        return "ProviderOptions" + values.keySet();
    }
}
