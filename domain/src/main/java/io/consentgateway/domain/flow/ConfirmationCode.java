package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.SecretValue;

/**
 * The secret a flow completed by confirmation hands to the browser that came back from the provider (in the callback's
 * redirect), and that the confirmation must present together with the credentials of the user who started the flow.
 * The two together bind the code to both: the user who asked for the access and the browser that granted it. Never
 * stored in clear or logged; prints as {@code ***}.
 */
public final class ConfirmationCode extends SecretValue {
    public ConfirmationCode(String value) {
        super(value, "confirmation code");
    }
}
