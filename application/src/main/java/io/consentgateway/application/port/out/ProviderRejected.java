package io.consentgateway.application.port.out;

import java.util.List;
import java.util.Map;

/** The provider refused the request itself (HTTP 400 with field errors): our input, not the user's grant. */
public class ProviderRejected extends ProviderException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<String>> fieldErrors;

    public ProviderRejected(String message, Map<String, List<String>> fieldErrors) {
        super(message, null);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /**
     * The provider's messages, keyed by the name the gateway's caller knows the field by ({@code language},
     * {@code accounts}, {@code syncPeriod}, {@code reportingPeriod}, {@code kind}, {@code providerOptions.<option>}), or
     * {@code request} for a part of the call the caller did not give. An adapter translates its provider's own field
     * names: they mean nothing to the caller.
     */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
}
