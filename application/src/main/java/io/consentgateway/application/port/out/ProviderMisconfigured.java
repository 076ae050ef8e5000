package io.consentgateway.application.port.out;

/**
 * The provider refuses this gateway itself, not the user's grant: wrong client credentials (401 {@code invalid_client}
 * at the token endpoint, RFC 6749 §5.2), a refused client certificate or a 403, an endpoint that does not exist
 * (404). Nothing a user did or can do: the consent stays as it is, and an operator must fix the configuration.
 */
public class ProviderMisconfigured extends ProviderException {
    private static final long serialVersionUID = 1L;

    public ProviderMisconfigured(String message) {
        super(message, null);
    }
}
