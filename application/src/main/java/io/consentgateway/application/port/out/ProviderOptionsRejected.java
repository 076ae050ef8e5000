package io.consentgateway.application.port.out;

import java.util.Map;
import java.util.TreeMap;

/**
 * A provider's own flow options were not acceptable: each bad option's name (as the client sent it) to what is
 * wrong with it. The core reports them as {@code providerOptions.<name>}.
 */
public class ProviderOptionsRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> errors;

    public ProviderOptionsRejected(Map<String, String> errors) {
        super("provider options rejected: " + new TreeMap<>(errors).keySet());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("name at least one rejected option");
        }
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
