package io.consentgateway.adapter.out.nrich.mapping;

import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.token.AuthorizationCode;

import java.util.Objects;
import java.util.Optional;

/**
 * Reads nrich's browser callback. nrich redirects to the registered URI with {@code state} and either
 * {@code success=true&code=...}, {@code success=false}, or {@code abort=true} (older documents: {@code cancel=true}),
 * plus its {@code flow_id}; an OAuth-style {@code error} (with {@code access_denied} for a user who declined) is
 * understood too. In order:
 *
 * <ol>
 *   <li>a {@code flow_id} longer than {@value #MAX_FLOW_ID_LENGTH} or an {@code error} longer than
 *       {@value #MAX_ERROR_LENGTH} characters, or — where nrich gave the flow an id at the start, as it always does —
 *       a missing {@code flow_id} or one other than the flow's own: not this flow's callback (nrich always sends it,
 *       so a callback without it was not made by nrich for this flow);</li>
 *   <li>{@code abort=true} or {@code cancel=true} (any case), or {@code error=access_denied}: cancelled;</li>
 *   <li>any other {@code error}, or {@code success} other than {@code true}: failed, the provider reported it;</li>
 *   <li>a {@code code}: approved;</li>
 *   <li>otherwise: failed for lack of a code.</li>
 * </ol>
 *
 * The gateway has matched {@code state} before; absent, empty and blank parameters count as not given.
 */
public final class NrichCallbacks {
    public static final int MAX_FLOW_ID_LENGTH = 128;
    public static final int MAX_ERROR_LENGTH = 64;

    static final String FLOW_ID = "flow_id";
    static final String ABORT = "abort";
    static final String CANCEL = "cancel";
    static final String ERROR = "error";
    static final String SUCCESS = "success";
    static final String CODE = "code";
    static final String ACCESS_DENIED = "access_denied";

    private NrichCallbacks() {
    }

    public static CallbackResult interpret(CallbackParameters callback, Optional<String> providerFlowId) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(providerFlowId, "provider flow id (optional)");
        Optional<String> flowId = given(callback, FLOW_ID);
        Optional<String> error = given(callback, ERROR);
        if (flowId.filter(id -> id.length() > MAX_FLOW_ID_LENGTH).isPresent()
                || error.filter(e -> e.length() > MAX_ERROR_LENGTH).isPresent()) {
            return CallbackResult.notThisFlow("callback parameters are too long");
        }
        if (providerFlowId.isPresent() && flowId.isEmpty()) {
            return CallbackResult.notThisFlow("callback without flow_id");
        }
        if (flowId.isPresent() && providerFlowId.isPresent() && !flowId.get().equals(providerFlowId.get())) {
            return CallbackResult.notThisFlow("callback flow_id does not match the flow");
        }
        if (callback.isTrue(ABORT) || callback.isTrue(CANCEL) || error.filter(ACCESS_DENIED::equals).isPresent()) {
            return CallbackResult.cancelled();
        }
        Optional<String> success = given(callback, SUCCESS);
        if (error.isPresent() || success.filter(s -> !s.strip().equalsIgnoreCase("true")).isPresent()) {
            return CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE);
        }
        return given(callback, CODE)
                .map(code -> CallbackResult.approved(new AuthorizationCode(code)))
                .orElseGet(() -> CallbackResult.failed(FlowFailure.MISSING_CODE));
    }

    /** The value as sent, when it has content. */
    private static Optional<String> given(CallbackParameters callback, String name) {
        return callback.get(name).filter(value -> !value.isBlank());
    }
}
