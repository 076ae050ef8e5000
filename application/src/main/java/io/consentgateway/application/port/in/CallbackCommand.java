package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.token.AuthorizationCode;

import java.util.Locale;
import java.util.Optional;

/**
 * A provider's browser callback, in either vocabulary: nrich ({@code state, success, code, abort} or the
 * older {@code cancel}, {@code flow_id}) or OAuth ({@code code, state} or {@code error}; {@code access_denied}
 * means the user cancelled).
 */
public record CallbackCommand(State state, Optional<Boolean> success, Optional<AuthorizationCode> code, boolean cancelled,
                              Optional<String> providerFlowId, Optional<String> error) {

    public CallbackCommand {
        Require.nonNull(state, "state");
        Require.nonNull(success, "success (optional)");
        Require.nonNull(code, "code (optional)");
        Require.nonNull(providerFlowId, "provider flow id (optional)");
        Require.nonNull(error, "error (optional)");
    }

    /** Parses the raw query parameters; a missing or malformed state is an {@link InvalidCallback}. */
    public static CallbackCommand fromQuery(String state, String success, String code, String abort, String cancel,
                                            String flowId, String error) {
        State parsedState;
        try {
            parsedState = State.of(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidCallback("callback has no valid state");
        }
        boolean cancelled = isTrue(abort) || isTrue(cancel) || "access_denied".equals(error);
        Optional<Boolean> successFlag = success == null || success.isBlank() ? Optional.empty()
                : Optional.of(isTrue(success));
        Optional<AuthorizationCode> authCode = code == null || code.isBlank() ? Optional.empty()
                : Optional.of(new AuthorizationCode(code));
        if ((flowId != null && flowId.length() > 128) || (error != null && error.length() > 64)
                || (code != null && code.length() > 16_384)) {
            throw new InvalidCallback("callback parameters are too long");
        }
        Optional<String> providerFlow = flowId == null || flowId.isBlank() ? Optional.empty() : Optional.of(flowId);
        Optional<String> errorCode = error == null || error.isBlank() ? Optional.empty() : Optional.of(error);
        return new CallbackCommand(parsedState, successFlag, authCode, cancelled, providerFlow, errorCode);
    }

    private static boolean isTrue(String flag) {
        return flag != null && flag.strip().toLowerCase(Locale.ROOT).equals("true");
    }
}
