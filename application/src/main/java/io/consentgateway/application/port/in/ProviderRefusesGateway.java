package io.consentgateway.application.port.in;

/**
 * The provider refused this gateway's own credentials or configuration: nothing about the user's consent changed, and
 * only the operators can fix it.
 */
public class ProviderRefusesGateway extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProviderRefusesGateway(String message) {
        super(message);
    }
}
