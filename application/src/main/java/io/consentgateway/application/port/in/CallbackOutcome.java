package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.ConsentId;

import java.net.URI;
import java.util.Optional;

/**
 * What a callback led to, for the browser's redirect to the front end (never a token or the provider's code).
 *
 * @param confirmation for {@code CONFIRMATION_REQUIRED}: the code the front end presents with the user's credentials
 *                     to confirm the flow; handed only to the browser that came back from the provider
 */
public record CallbackOutcome(FlowId flowId, Outcome outcome, Optional<ConsentId> consentId, Optional<FlowFailure> failure,
                              Optional<URI> returnTo, Optional<ConfirmationCode> confirmation) {

    /**
     * How the callback left the flow. {@code CONFIRMATION_REQUIRED}: the flow completes by confirmation, and the front
     * end now confirms it ({@link CompleteFlow}) with the signed-in user's credentials.
     */
    public enum Outcome { COMPLETED, CONFIRMATION_REQUIRED, CANCELLED, FAILED, EXPIRED, IN_PROGRESS }

    public static CallbackOutcome of(Flow flow) {
        Outcome outcome = switch (flow.status()) {
            case COMPLETED -> Outcome.COMPLETED;
            case CANCELLED -> Outcome.CANCELLED;
            case FAILED -> Outcome.FAILED;
            case EXPIRED -> Outcome.EXPIRED;
            case AWAITING_CONFIRMATION -> Outcome.CONFIRMATION_REQUIRED;
            case AWAITING_USER, EXCHANGING -> Outcome.IN_PROGRESS;
        };
        return new CallbackOutcome(flow.id(), outcome, flow.consentId(), flow.failure(), flow.returnTo(),
                flow.confirmationCode());
    }
}
