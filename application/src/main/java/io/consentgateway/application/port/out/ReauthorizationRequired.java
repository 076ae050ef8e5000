package io.consentgateway.application.port.out;

/**
 * The provider refused the grant: a used or expired code, a rejected refresh token, or a 401 on a data call.
 * The user must go through the provider's widget again (after, for data calls, one refresh and one retry).
 */
public class ReauthorizationRequired extends ProviderException {
    private static final long serialVersionUID = 1L;

    public ReauthorizationRequired(String message) {
        super(message, null);
    }

    public ReauthorizationRequired(String message, Throwable cause) {
        super(message, cause);
    }
}
