package io.consentgateway.application.port.out;

import io.consentgateway.domain.shared.Require;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The query parameters of a provider's browser callback, as they arrived: each name once (a repeated parameter is
 * refused before this is built), values unparsed. What they mean is the flow's provider's business.
 */
public record CallbackParameters(Map<String, String> values) {
    public CallbackParameters {
        values = Map.copyOf(Require.nonNull(values, "callback parameters"));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A parameter with content: absent, empty and blank are all "not given". */
    public Optional<String> nonBlank(String name) {
        return get(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A boolean flag as providers send them: {@code true} in any case, anything else is false. */
    public boolean isTrue(String name) {
        return nonBlank(name).map(v -> v.equalsIgnoreCase("true")).orElse(false);
    }

    @Override
    public String toString() {
        return "CallbackParameters" + new TreeMap<>(values).keySet(); // names only: a code is a secret
    }
}
