package io.consentgateway.application.port.out;

import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.token.AuthorizationCode;

/** What a provider's callback says, in neutral terms ({@link ConsentProvider#interpretCallback}). */
public sealed interface CallbackResult {

    /** The user approved; the code is to be exchanged once. */
    record Approved(AuthorizationCode code) implements CallbackResult {
        public Approved {
            Require.nonNull(code, "code");
        }
    }

    /** The user cancelled or declined (nrich {@code abort}, OAuth {@code error=access_denied}, ...). */
    record Cancelled() implements CallbackResult {
    }

    /** The provider reports the flow failed, or the callback cannot complete it (no code). */
    record Failed(FlowFailure reason) implements CallbackResult {
        public Failed {
            Require.nonNull(reason, "reason");
        }
    }

    /**
     * The callback carries the flow's state but otherwise belongs to another flow (the provider's own flow id
     * differs): it is refused and changes nothing.
     */
    record NotThisFlow(String why) implements CallbackResult {
        public NotThisFlow {
            Require.nonBlank(why, "why");
        }
    }

    static CallbackResult approved(AuthorizationCode code) {
        return new Approved(code);
    }

    static CallbackResult cancelled() {
        return new Cancelled();
    }

    static CallbackResult failed(FlowFailure reason) {
        return new Failed(reason);
    }

    static CallbackResult notThisFlow(String why) {
        return new NotThisFlow(why);
    }
}
