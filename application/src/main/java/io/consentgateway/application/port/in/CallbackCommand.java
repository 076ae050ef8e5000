package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.Require;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's browser callback as it arrived: at which provider's callback endpoint ({@code /callback/{provider}},
 * or empty for the bare {@code /callback}), the gateway's {@code state}, and every query parameter unparsed. What
 * the other parameters mean (a code, a cancellation, an error) is for the flow's provider to say.
 */
public record CallbackCommand(Optional<ProviderId> endpoint, State state, Map<String, String> parameters) {
    public static final int MAX_PARAMETERS = 32;
    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_VALUE_LENGTH = 16_384;

    public CallbackCommand {
        Require.nonNull(endpoint, "endpoint (optional)");
        Require.nonNull(state, "state");
        parameters = Map.copyOf(Require.nonNull(parameters, "parameters"));
    }

    /**
     * Parses a callback request. An endpoint that cannot name a provider is a {@link NotFound}; a missing or malformed
     * state, a repeated parameter (OAuth: parameters must not repeat) or an oversized query is an
     * {@link InvalidCallback}.
     */
    public static CallbackCommand fromQuery(Optional<String> endpoint, Map<String, List<String>> query) {
        Optional<ProviderId> provider;
        try {
            provider = endpoint.map(ProviderId::new);
        } catch (IllegalArgumentException e) {
            throw new NotFound("callback endpoint");
        }
        if (query.size() > MAX_PARAMETERS) {
            throw new InvalidCallback("callback has too many parameters");
        }
        Map<String, String> single = new HashMap<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            List<String> values = parameter.getValue();
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (values.size() > 1) {
                throw new InvalidCallback("callback parameter " + printable(parameter.getKey()) + " is repeated");
            }
            if (parameter.getKey().length() > MAX_NAME_LENGTH || values.get(0).length() > MAX_VALUE_LENGTH) {
                throw new InvalidCallback("callback parameters are too long");
            }
            single.put(parameter.getKey(), values.get(0));
        }
        State state;
        try {
            state = State.of(single.get("state"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCallback("callback has no valid state");
        }
        return new CallbackCommand(provider, state, single);
    }

    private static String printable(String name) {
        return name.length() <= MAX_NAME_LENGTH && name.chars().allMatch(c -> c >= 0x21 && c < 0x7f) ? name : "(unprintable)";
    }

    @Override
    public String toString() {
        return "CallbackCommand[" + endpoint.map(ProviderId::value).orElse("(bare)") + ", parameters " + parameters.keySet() + "]";
    }
}
