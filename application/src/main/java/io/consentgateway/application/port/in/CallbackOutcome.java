package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.ConsentId;

import java.net.URI;
import java.util.Optional;

/** What a callback led to, for the browser's redirect to the front end (never a token or a code). */
public record CallbackOutcome(FlowId flowId, Outcome outcome, Optional<ConsentId> consentId, Optional<FlowFailure> failure,
                              Optional<URI> returnTo) {

    public enum Outcome { COMPLETED, CANCELLED, FAILED, EXPIRED, IN_PROGRESS }

    public static CallbackOutcome of(Flow flow) {
        Outcome outcome = switch (flow.status()) {
            case COMPLETED -> Outcome.COMPLETED;
            case CANCELLED -> Outcome.CANCELLED;
            case FAILED -> Outcome.FAILED;
            case EXPIRED -> Outcome.EXPIRED;
            case AWAITING_USER, EXCHANGING -> Outcome.IN_PROGRESS;
        };
        return new CallbackOutcome(flow.id(), outcome, flow.consentId(), flow.failure(), flow.returnTo());
    }
}
