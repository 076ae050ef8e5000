package io.consentgateway.application.port.out;

/**
 * The few ways a provider call can fail that the application understands. Adapters translate every
 * provider error into one of the subclasses; messages never carry a token, a code or a secret.
 */
public abstract class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
