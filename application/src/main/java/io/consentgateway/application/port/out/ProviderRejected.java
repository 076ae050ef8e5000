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

    /** Field name as the provider names it, to the provider's messages. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
}
