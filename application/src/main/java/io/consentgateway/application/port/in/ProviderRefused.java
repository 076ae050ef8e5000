package io.consentgateway.application.port.in;

import java.util.List;

/**
 * The provider refused the request as it was asked (an option or a value it does not accept). Nothing was stored; the
 * errors name what the provider refused by the request's own field names ({@code syncPeriod},
 * {@code providerOptions.accountTypes}), or {@code request} for a part the caller did not give.
 */
public class ProviderRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public ProviderRefused(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
